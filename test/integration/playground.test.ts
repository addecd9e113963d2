import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { get, type IncomingHttpHeaders } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  loadExamples,
  PLAYGROUND_CSP,
  registerPlaygroundRoutes,
  type PlaygroundExample,
  type PlaygroundOptions,
} from '../../src/http/playground/index.js';

const EXAMPLES: PlaygroundExample[] = [
  { name: 'A', document: 'query A { upstreams { id } }' },
  { name: 'B', document: '# ends a script? </script><script>alert(1)</script>\nquery B { upstreams { kind } }' },
];

/** Only the playground routes on a bare fastify app, on a real loopback port. */
async function startPlayground(options: Partial<PlaygroundOptions> = {}): Promise<{ url: string; app: FastifyInstance }> {
  const app = Fastify();
  registerPlaygroundRoutes(app, { examples: EXAMPLES, ...options });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, app };
}

/** The page's `src`/`href` values, and the config the bootstrap script will read. */
function parsePage(html: string) {
  const references = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((match) => match[1]!);
  const json = /<script type="application\/json" id="playground-config">([^<]*)<\/script>/.exec(html)?.[1];
  const config = JSON.parse(json ?? 'null') as {
    graphqlPath: string;
    defaultHeaders: string | null;
    tabs: Array<{ query: string; headers?: string }>;
    examplesVersion: string;
  };
  return { references, config };
}

/** A raw GET: no automatic `accept-encoding` or decompression, and the path is sent exactly as written. */
function rawGet(url: string, pathname: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const { hostname, port } = new URL(url);
    get({ hostname, port, path: pathname, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

describe('playground routes', () => {
  let url: string;
  let app: FastifyInstance;
  let html: string;
  let page: Response;

  beforeAll(async () => {
    ({ url, app } = await startPlayground({ defaultApiKey: 'demo-analyst' }));
    page = await fetch(`${url}/playground`);
    html = await page.text();
  });
  afterAll(() => app?.close());

  it('serves the page as HTML with a same-origin-only CSP, nosniff and no caching', () => {
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = page.headers.get('content-security-policy');
    expect(csp).toBe(PLAYGROUND_CSP);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('cache-control')).toBe('no-store');
  });

  it('references only same-origin assets: no URL with a scheme anywhere in the page', () => {
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/\/\/[a-z0-9.-]+\.[a-z]{2,}\//i);
    const { references } = parsePage(html);
    expect(references.length).toBeGreaterThanOrEqual(6);
    for (const reference of references) expect(reference).toMatch(/^(\/playground\/assets\/[\w.-]+|data:,)$/);
  });

  it('has no inline script: every executable script is a served file', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([^<]*)<\/script>/g)];
    const inline = scripts.filter(([, attributes, body]) => !/\bsrc=/.test(attributes!) && !/type="application\/json"/.test(attributes!) && body!.trim());
    expect(inline).toEqual([]);
  });

  it('serves every referenced asset with its content type, nosniff and a year-long immutable cache', async () => {
    const assets = parsePage(html).references.filter((reference) => reference.startsWith('/playground/'));
    for (const asset of assets) {
      const res = await rawGet(url, asset);
      expect(res.status, asset).toBe(200);
      expect(res.headers['content-type'], asset).toBe(asset.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.body.length).toBeGreaterThan(0);
    }
  });

  it('serves the packages\' own React 18, ReactDOM and GraphiQL 3 bundles, without source-map links', async () => {
    const require = createRequire(import.meta.url);
    const version = (pkg: string) => (require(`${pkg}/package.json`) as { version: string }).version;
    expect(version('graphiql')).toMatch(/^3\./);
    const { references } = parsePage(html);
    const body = async (pattern: RegExp) => (await rawGet(url, references.find((r) => pattern.test(r))!)).body.toString('utf8');

    const react = await body(/\/react\.production\.min\.\w+\.js$/);
    expect(react).toContain('react.production.min.js');
    expect(react).toContain(`"${version('react')}"`);
    expect(version('react')).toMatch(/^18\./);
    const reactDom = await body(/\/react-dom\.production\.min\.\w+\.js$/);
    expect(reactDom).toContain('react-dom.production.min.js');
    expect(reactDom).toContain(`"${version('react-dom')}"`);
    const graphiql = await body(/\/graphiql\.min\.\w+\.js$/);
    expect(graphiql).toContain('window.GraphiQL =');
    expect(graphiql).not.toContain('sourceMappingURL');
    expect(await body(/\/graphiql\.min\.\w+\.css$/)).not.toContain('sourceMappingURL');
  });

  it('sends a gzipped asset to clients that accept gzip, identical once inflated', async () => {
    const script = parsePage(html).references.find((r) => /\/graphiql\.min\.\w+\.js$/.test(r))!;
    const plain = await rawGet(url, script);
    const zipped = await rawGet(url, script, { 'accept-encoding': 'gzip, deflate, br' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('accept-encoding');
    expect(zipped.body.length).toBeLessThan(plain.body.length / 3);
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    const refused = await rawGet(url, script, { 'accept-encoding': 'gzip;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();
  });

  it.each([
    ['an unknown file', '/playground/assets/nope.js'],
    ['a package file by its own name (no content hash)', '/playground/assets/graphiql.min.js'],
    ['a stale content hash', '/playground/assets/graphiql.min.0000000000.js'],
    ['a source map', '/playground/assets/graphiql.min.js.map'],
    ['a traversal', '/playground/assets/../../package.json'],
    ['an encoded traversal', '/playground/assets/..%2f..%2fpackage.json'],
    ['a nested path', '/playground/assets/react/umd/react.production.min.js'],
    ['the asset directory itself', '/playground/assets/'],
  ])('answers 404 for %s', async (_what, pathname) => {
    const res = await rawGet(url, pathname);
    expect(res.status).toBe(404);
    expect(res.body.toString('utf8')).not.toContain('"name": "backup-graph"');
  });

  it('opens the examples as tabs in order, each with the default API key in the header editor', () => {
    const { config } = parsePage(html);
    const headers = JSON.stringify({ Authorization: 'Bearer demo-analyst' }, null, 2);
    expect(config.graphqlPath).toBe('/graphql');
    expect(config.defaultHeaders).toBe(headers);
    expect(config.tabs).toEqual(EXAMPLES.map((example) => ({ query: example.document, headers })));
    expect(config.examplesVersion).toMatch(/^[0-9a-f]{16}$/);
  });

  it('keeps a document containing </script> inside the JSON block, unchanged once parsed', () => {
    expect(html.match(/<\/script>/g)).toHaveLength(5);
    expect(parsePage(html).config.tabs[1]!.query).toBe(EXAMPLES[1]!.document);
  });
});

describe('playground options', () => {
  const apps: FastifyInstance[] = [];
  const start = async (options: Partial<PlaygroundOptions>) => {
    const started = await startPlayground(options);
    apps.push(started.app);
    return started.url;
  };
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
  });

  it('answers 404 for the page and its assets when disabled', async () => {
    const enabledHtml = await (await fetch(`${await start({})}/playground`)).text();
    const asset = parsePage(enabledHtml).references.find((r) => r.endsWith('.js'))!;
    const url = await start({ enabled: false });
    expect((await rawGet(url, '/playground')).status).toBe(404);
    expect((await rawGet(url, asset)).status).toBe(404);
  });

  it('leaves the header editor empty without a default API key', async () => {
    const { config } = parsePage(await (await fetch(`${await start({})}/playground`)).text());
    expect(config.defaultHeaders).toBeNull();
    expect(config.tabs).toEqual(EXAMPLES.map((example) => ({ query: example.document })));
  });

  it('points the fetcher at another same-origin GraphQL path when told', async () => {
    const { config } = parsePage(await (await fetch(`${await start({ graphqlPath: '/api/graphql' })}/playground`)).text());
    expect(config.graphqlPath).toBe('/api/graphql');
  });

  it.each(['https://elsewhere.example/graphql', '//elsewhere.example/graphql', '/\\elsewhere.example/graphql', 'graphql', 'javascript:alert(1)'])(
    'refuses graphqlPath %s, which is not a same-origin path',
    (graphqlPath) => {
      expect(() => registerPlaygroundRoutes(Fastify(), { examples: [], graphqlPath })).toThrow(/same-origin path/);
    },
  );

  it('changes examplesVersion when an example changes, so browsers drop their stored tabs', async () => {
    const version = async (examples: PlaygroundExample[]) =>
      parsePage(await (await fetch(`${await start({ examples })}/playground`)).text()).config.examplesVersion;
    const before = await version(EXAMPLES);
    expect(await version(EXAMPLES)).toBe(before);
    expect(await version([...EXAMPLES, { name: 'C', document: 'query C { upstreams { id } }' }])).not.toBe(before);
  });
});

describe('loadExamples', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'playground-examples-'));
    await mkdir(path.join(dir, 'partners', 'acme'), { recursive: true });
    await writeFile(path.join(dir, 'Zeta.graphql'), 'query Zeta { a }');
    await writeFile(path.join(dir, 'partners', 'acme', 'Alpha.graphql'), 'query Alpha { b }');
    await writeFile(path.join(dir, 'Mid.graphql'), 'query Mid { c }');
    await writeFile(path.join(dir, 'notes.md'), '# not an operation');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads every .graphql file under the directory, named by file name, sorted by name', async () => {
    expect(await loadExamples(dir)).toEqual([
      { name: 'Alpha', document: 'query Alpha { b }' },
      { name: 'Mid', document: 'query Mid { c }' },
      { name: 'Zeta', document: 'query Zeta { a }' },
    ]);
  });

  it('opens on a query that runs as it stands: queries needing variables come after, mutations last', async () => {
    const other = await mkdtemp(path.join(tmpdir(), 'playground-groups-'));
    try {
      await writeFile(path.join(other, 'A.graphql'), 'mutation A { x }');
      await writeFile(path.join(other, 'B.graphql'), 'query B($id: ID!, $n: Int) { b(id: $id, n: $n) }');
      await writeFile(path.join(other, 'C.graphql'), 'query C($n: Int! = 5) { c(n: $n) }');
      await writeFile(path.join(other, 'D.graphql'), 'query D($ids: [ID!]) { d(ids: $ids) }');
      expect((await loadExamples(other)).map((e) => e.name)).toEqual(['C', 'D', 'B', 'A']);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('gives no examples for a missing directory', async () => {
    expect(await loadExamples(path.join(dir, 'missing'))).toEqual([]);
  });

  it('refuses two files with the same name', async () => {
    await writeFile(path.join(dir, 'partners', 'Mid.graphql'), 'query Mid2 { d }');
    await expect(loadExamples(dir)).rejects.toThrow(/two examples named "Mid"/);
    await rm(path.join(dir, 'partners', 'Mid.graphql'));
  });

  it("reads the project's own operations/ by default", async () => {
    const examples = await loadExamples();
    expect(examples.length).toBeGreaterThan(0);
    // Queries that run as they stand, then those needing variables, then mutations, each group sorted
    // by name: the playground opens on a read anyone can run without editing it.
    const isMutation = (e: { document: string }) => /^\s*mutation\b/m.test(e.document);
    const needsVariables = (e: { document: string }) => /\$\w+\s*:\s*[\w[\]!\s]*!\s*[,)]/.test(e.document);
    const runnable = examples.filter((e) => !isMutation(e) && !needsVariables(e)).map((e) => e.name);
    const withVariables = examples.filter((e) => !isMutation(e) && needsVariables(e)).map((e) => e.name);
    const mutations = examples.filter(isMutation).map((e) => e.name);
    expect(examples.map((e) => e.name)).toEqual([...[...runnable].sort(), ...[...withVariables].sort(), ...[...mutations].sort()]);
    expect(runnable[0]).toBe('CommServeHealth');
    expect(withVariables).toContain('BrowseSubclient');
    expect(mutations).toEqual([
      'BackupApplication', 'BackupBackupset', 'BackupDdb', 'BackupSubclient', 'BackupVirtualMachine', 'ControlJobs', 'CreateSchedule', 'DeleteSchedule', 'DisableActivity', 'EnableActivity',
      'MountBackup', 'RestoreFiles', 'RestoreVirtualMachine', 'RunAuxCopy', 'RunDataAging', 'RunDdbOperation', 'RunDisasterRecoveryBackup', 'RunPlanJobOperation', 'SetScheduleEnabled', 'UpdateRetention',
      'UpdateSchedule', 'UpdateSla', 'UpdateSubclientContent',
    ]);
    for (const example of examples) expect(example.document).toMatch(/\b(query|mutation|subscription)\s+\w+/);
  });
});
