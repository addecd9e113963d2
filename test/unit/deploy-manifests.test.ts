import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { loadConfig } from '../../src/config/load.js';
import { registerHealthRoutes } from '../../src/http/health.routes.js';

const DIR = new URL('../../docs/deploy/kubernetes/', import.meta.url);
type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- manifests are free-form

function manifests(): Obj[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) =>
      parseAllDocuments(readFileSync(new URL(f, DIR), 'utf8')).map((d) => {
        expect(d.errors, f).toEqual([]);
        return d.toJS() as Obj;
      }),
    );
}

const find = (all: Obj[], kind: string, name: string): Obj => {
  const found = all.find((m) => m.kind === kind && m.metadata?.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in docs/deploy/kubernetes`);
  return found;
};

describe('docs/deploy: the manifests operators copy', () => {
  const all = manifests();
  const deployment = find(all, 'Deployment', 'backup-graph');
  const container = deployment.spec.template.spec.containers[0] as Obj;
  const port = (name: string | number): number =>
    typeof name === 'number' ? name : (container.ports as Obj[]).find((p) => p.name === name)?.containerPort;

  it('parse, and each has apiVersion, kind and a name', () => {
    expect(all.length).toBeGreaterThanOrEqual(6);
    for (const m of all) expect(m).toMatchObject({ apiVersion: expect.any(String), kind: expect.any(String), metadata: { name: expect.any(String) } });
  });

  it('probe the real paths on the port the config listens on', async () => {
    expect(container.livenessProbe.httpGet.path).toBe('/healthz');
    expect(container.readinessProbe.httpGet.path).toBe('/readyz');
    expect(container.startupProbe.httpGet.path).toBe('/healthz');
    const configMap = find(all, 'ConfigMap', 'backup-graph-config');
    const secret = find(all, 'Secret', 'backup-graph-secrets');
    const env = Object.fromEntries((container.env as Obj[]).map((e) => [e.name, e.value]));
    const file = env.BACKUP_GRAPH_CONFIG as string;
    const mount = (container.volumeMounts as Obj[])[0] as Obj;
    expect(file.startsWith(`${mount.mountPath}/`)).toBe(true);
    const text = configMap.data[file.slice(mount.mountPath.length + 1)] as string;
    // The config validates with the Secret's keys and the Deployment's environment, as the pod would see them.
    const dir = mkdtempSync(path.join(tmpdir(), 'deploy-'));
    const configPath = path.join(dir, 'backup-graph.yaml');
    writeFileSync(configPath, text);
    const config = await loadConfig({ ...secret.stringData, ...env, BACKUP_GRAPH_CONFIG: configPath });
    rmSync(dir, { recursive: true });
    for (const probe of [container.livenessProbe, container.readinessProbe, container.startupProbe]) {
      expect(port(probe.httpGet.port)).toBe(config.server.port);
    }
    expect(config.server.host).toBe('0.0.0.0');
    expect(config.redis).toEqual({ url: 'redis://backup-graph-redis:6379' });
    find(all, 'Service', 'backup-graph-redis');
    const service = find(all, 'Service', 'backup-graph');
    expect(service.spec.selector).toEqual(deployment.spec.selector.matchLabels);
    expect(port(service.spec.ports[0].targetPort)).toBe(config.server.port);
    // And those paths are the gateway's: liveness and readiness answer 200 on a started gateway.
    const app = Fastify();
    registerHealthRoutes(app, { ready: true });
    for (const path of ['/healthz', '/readyz']) expect((await app.inject({ method: 'GET', url: path })).statusCode).toBe(200);
    await app.close();
  });

  it('start the compiled gateway, as the systemd unit does', () => {
    expect(container.command).toEqual(['node', 'dist/src/server.js']);
    const unit = readFileSync(new URL('../backup-graph.service', DIR), 'utf8');
    expect(unit).toMatch(/^ExecStart=\/usr\/bin\/node dist\/src\/server\.js$/m);
    expect(unit).toMatch(/^KillSignal=SIGTERM$/m);
  });

  // `apply --dry-run=client` still reads the API server's discovery: it needs kubectl and a cluster.
  const kubectl =
    spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0 &&
    spawnSync('kubectl', ['cluster-info', '--request-timeout=3s'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!kubectl)('pass kubectl apply --dry-run=client', () => {
    execFileSync('kubectl', ['apply', '--dry-run=client', '-f', DIR.pathname], { encoding: 'utf8' });
  });
});
