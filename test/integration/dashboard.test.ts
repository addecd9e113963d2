import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { gunzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { bundleDashboard, DASHBOARD_BUNDLE_DIR } from '../../scripts/bundle-dashboard.js';
import { DASHBOARD_CSP, registerDashboardRoutes, type DashboardOptions } from '../../src/http/dashboard/dashboard.routes.js';

const ROOT = new URL('../../', import.meta.url);
const apps: FastifyInstance[] = [];

/** Only the dashboard routes on a bare fastify app, on a real loopback port. */
async function startDashboard(options: DashboardOptions = {}): Promise<string> {
  const app = Fastify();
  apps.push(app);
  registerDashboardRoutes(app, options);
  return app.listen({ port: 0, host: '127.0.0.1' });
}

/** The page's asset references and the config its script reads. */
function parsePage(html: string) {
  const references = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((match) => match[1]!);
  const json = /<script type="application\/json" id="dashboard-config">([^<]*)<\/script>/.exec(html)?.[1];
  return { references, config: JSON.parse(json ?? 'null') as { graphqlPath: string; defaultApiKey: string | null } };
}

afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

describe('the dashboard bundle', () => {
  it('checked in under src/generated/dashboard/ is what `npm run dashboard` makes from dashboard/ now', async () => {
    const { files } = await bundleDashboard();
    expect([...files.keys()].sort()).toEqual(['dashboard.css', 'dashboard.js']);
    for (const [name, text] of files) {
      const checkedIn = readFileSync(new URL(`${DASHBOARD_BUNDLE_DIR}/${name}`, ROOT), 'utf8');
      // toBe on 200 KB would print both; a stale bundle only needs naming.
      expect(checkedIn === text, `${DASHBOARD_BUNDLE_DIR}/${name} is stale: run \`npm run dashboard\` and commit it`).toBe(true);
    }
  });
});

describe('dashboard routes', () => {
  it('serve the page under a CSP without inline script or style, uncached, pointing at same-origin hashed assets', async () => {
    const url = await startDashboard();
    const res = await fetch(`${url}/dashboard`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(DASHBOARD_CSP);
    expect(DASHBOARD_CSP).toContain("script-src 'self'");
    expect(DASHBOARD_CSP).toContain("style-src 'self'");
    expect(DASHBOARD_CSP).not.toContain('unsafe-');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const { references, config } = parsePage(await res.text());
    // Stylesheet first (in <head>), script last.
    expect(references.filter((r) => r.startsWith('/dashboard/assets/'))).toEqual([
      expect.stringMatching(/^\/dashboard\/assets\/dashboard\.[0-9a-f]{10}\.css$/),
      expect.stringMatching(/^\/dashboard\/assets\/dashboard\.[0-9a-f]{10}\.js$/),
    ]);
    expect(references.filter((r) => !r.startsWith('/dashboard/assets/'))).toEqual(['data:,']);
    expect(config).toEqual({ graphqlPath: '/graphql', defaultApiKey: null });
  });

  it('serve the checked-in bundle byte for byte, gzipped on request, cacheable for a year', async () => {
    const url = await startDashboard();
    const { references } = parsePage(await (await fetch(`${url}/dashboard`)).text());
    const script = references.find((r) => r.endsWith('.js'))!;
    const plain = await fetch(`${url}${script}`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const body = Buffer.from(await plain.arrayBuffer());
    expect(body.equals(readFileSync(new URL(`${DASHBOARD_BUNDLE_DIR}/dashboard.js`, ROOT)))).toBe(true);
    // fetch would decompress on its own; read the raw bytes to see they are gzip.
    const gzipped = await new Promise<Buffer>((resolve, reject) => {
      get(`${url}${script}`, { headers: { 'accept-encoding': 'gzip' } }, (r) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => resolve(Buffer.concat(chunks)));
      }).on('error', reject);
    });
    expect(gunzipSync(gzipped).equals(body)).toBe(true);
  });

  it('write the default key into the page only when given one (the demo), JSON-escaped', async () => {
    const url = await startDashboard({ defaultApiKey: 'demo-frontend</script>' });
    const html = await (await fetch(`${url}/dashboard`)).text();
    expect(html).not.toContain('demo-frontend</script>');
    expect(parsePage(html).config.defaultApiKey).toBe('demo-frontend</script>');
  });

  it('are not registered when disabled: /dashboard is a 404', async () => {
    const url = await startDashboard({ enabled: false });
    expect((await fetch(`${url}/dashboard`)).status).toBe(404);
  });

  it('refuse a graph path that is not same-origin', async () => {
    await expect(startDashboard({ graphqlPath: 'https://elsewhere.example/graphql' })).rejects.toThrow(/same-origin path/);
  });
});
