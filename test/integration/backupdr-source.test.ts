import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startBackupDrSimulator, type BackupDrSimulator } from '../../simulators/backupdr/index.js';
import { parseConfig } from '../../src/config/load.js';
import type { Principal } from '../../src/context.js';
import type { BackupDrSource } from '../../src/datasources/backupdr/backupdr-source.js';
import { createUpstreamPipeline } from '../../src/datasources/pipeline/index.js';
import type { UpstreamPipeline } from '../../src/datasources/pipeline/types.js';
import { SourceRegistry } from '../../src/datasources/registry.js';
import { backupDrUpstreams } from '../../src/datasources/backupdr/product.js';
import { commvaultUpstreams } from '../../src/datasources/commvault/product.js';
import { ErrorCode } from '../../src/errors/codes.js';
import { failure } from '../helpers/failure.js';

const BDR = 'bdr-sim';
const logger = pino({ level: 'silent' });

interface Rig {
  pipeline: UpstreamPipeline;
  registry: SourceRegistry;
  source(token?: string): BackupDrSource;
  close(): Promise<void>;
}

/** Real pipeline and registry against the simulator; `token` is the caller's own console credential. */
function rig(sim: BackupDrSimulator, upstream: Record<string, unknown> = {}): Rig {
  const config = parseConfig({ upstreams: [{ id: BDR, kind: 'backupdr', url: sim.url, bearerToken: 'admin-token', ...upstream }], logLevel: 'silent' }, {});
  const pipeline = createUpstreamPipeline({ upstreams: config.upstreams, cache: config.cache, logger });
  const registry = new SourceRegistry({ config, pipeline, logger, products: [commvaultUpstreams, backupDrUpstreams] });
  const principal = (token?: string): Principal => ({
    id: token ?? 'svc',
    role: 'analyst',
    upstreamIds: [BDR],
    credentials: token ? { [BDR]: { bearerToken: token } } : {},
  });
  return {
    pipeline,
    registry,
    source: (token) => registry.forPrincipal(principal(token)).source(backupDrUpstreams, BDR),
    async close() {
      await registry.close();
      await pipeline.close();
    },
  };
}

describe('BackupDrSource', () => {
  let sim: BackupDrSimulator;

  beforeAll(async () => {
    sim = await startBackupDrSimulator();
  });
  afterAll(async () => {
    await sim?.close();
  });
  beforeEach(() => sim.reset());

  describe('session lifecycle', () => {
    it('logs in once for concurrent first calls, re-logs in once after expiry mid-load, and logs out at shutdown', async () => {
      const r = rig(sim);
      const source = r.source();
      const before = sim.liveSessions();
      const resources = ['application', 'host', 'slt', 'slp', 'sla', 'cluster', 'diskpool', 'org'] as const;
      await Promise.all(resources.map((res) => source.list(res, { limit: 5 })));
      expect(sim.calls('POST /session')).toBe(1);
      expect(sim.liveSessions()).toBe(before + 1);

      // Every session dies; a burst of uncached calls all succeed after ONE shared re-login.
      sim.setFaults({ expireAllTokens: true });
      const burst = await Promise.all(resources.map((res) => source.list(res, { limit: 5, offset: 1 })));
      expect(burst.every((p) => p.items.length > 0)).toBe(true);
      expect(sim.calls('POST /session')).toBe(2);
      expect(sim.liveSessions()).toBe(1);

      await r.close();
      expect(sim.calls('DELETE /session/current')).toBe(1);
      expect(sim.liveSessions()).toBe(0);
    });

    it('keeps one session per bearer token and never puts the token in the identity', async () => {
      const r = rig(sim);
      const a = r.source('org-a-token');
      const b = r.source('org-b-token');
      expect(r.source('org-a-token')).toBe(a);
      expect(a.identity).not.toBe(b.identity);
      expect(a.identity).not.toContain('org-a-token');
      await Promise.all([a.list('cluster', {}), b.list('cluster', {}), r.source().list('cluster', {})]);
      expect(sim.calls('POST /session')).toBe(3);
      await r.close();
      expect(sim.liveSessions()).toBe(0);
    });

    it('fails with UPSTREAM_AUTH (status 401) when the bearer itself is refused, without retrying forever', async () => {
      const r = rig(sim, { bearerToken: 'not-a-token' });
      const error = await failure(r.source().list('cluster', {}));
      expect(error.code).toBe(ErrorCode.UPSTREAM_AUTH);
      expect(error.upstream).toEqual({ instance: BDR, status: 401 });
      expect(error.message).not.toContain('not-a-token');
      expect(sim.calls('POST /session')).toBe(1);
      await r.close();
    });
  });

  describe('error mapping', () => {
    let r: Rig;
    beforeAll(() => {
      r = rig(sim, { retry: { maxAttempts: 1, baseDelayMs: 0 } });
    });
    afterAll(() => r.close());

    it('403 {err_code: 10011} → FORBIDDEN', async () => {
      const error = await failure(r.source('norole-token').list('application', { limit: 1 }));
      expect(error.code).toBe(ErrorCode.FORBIDDEN);
      expect(error.upstreamCode).toBe(10011);
      expect(error.upstream?.status).toBe(403);
    });

    it('404 → null for getById (an object of another organization reads as missing)', async () => {
      const orgB = sim.data.organizations.find((o) => o.name === 'OrgB')!.id;
      const hidden = sim.data.applications.find((a) => a.orgIds.length === 1 && a.orgIds[0] === orgB)!;
      expect(await r.source('org-a-token').getById('application', hidden.id)).toBeNull();
      expect((await r.source('org-b-token').getById('application', hidden.id))?.appName).toBe(hidden.appname);
    });

    it('502 → UPSTREAM_UNAVAILABLE; a relayed appliance failure in a 200 → UPSTREAM_ERROR with its err_code', async () => {
      const source = r.source();
      await source.list('cluster', { limit: 1 });
      sim.setFaults({ fail5xx: { count: 1, status: 502 } });
      const down = await failure(source.list('cluster', { limit: 2 }));
      expect(down.code).toBe(ErrorCode.UPSTREAM_UNAVAILABLE);
      expect(down.upstream?.status).toBe(502);
      sim.setFaults({ errList: { count: 1 } });
      const relayed = await failure(source.list('cluster', { limit: 3 }));
      expect(relayed.code).toBe(ErrorCode.UPSTREAM_ERROR);
      expect(relayed.upstreamCode).toBe(10023);
    });

    it('400 from the console → BAD_USER_INPUT with its err_code', async () => {
      const error = await failure(r.source().list('application', { defaultSort: 'nosuchfield:asc', limit: 1 }));
      expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
      expect(error.upstreamCode).toBe(10004);
    });

    it('rejects an unknown field from cached OPTIONS before any list call', async () => {
      const source = r.source();
      sim.reset();
      const error = await failure(source.list('host', { conditions: [{ field: 'nosuch', op: 'EQ', value: '1' }] }));
      expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
      await failure(source.list('host', { conditions: [{ field: 'hostname', op: 'GE', value: 'a' }] }));
      expect(sim.calls('OPTIONS /host')).toBe(1);
      expect(sim.calls('GET /host')).toBe(0);
    });
  });

  describe('lists, counts and batches', () => {
    let r: Rig;
    beforeAll(() => {
      r = rig(sim);
    });
    afterAll(() => r.close());

    it('counts with HEAD using the list filters', async () => {
      const source = r.source();
      const expected = sim.data.applications.filter((a) => a.apptype === 'VMBackup').length;
      const spec = { conditions: [{ field: 'apptype', op: 'EQ' as const, value: 'VMBackup' }], limit: 5 };
      expect(await source.count('application', spec)).toBe(expected);
      expect(sim.calls('HEAD /application')).toBe(1);
      expect((await source.list('application', spec)).items).toHaveLength(5);
    });

    it('loads objects by id in one union call, in key order, null for unknown ids', async () => {
      const source = r.source();
      const wanted = [sim.data.hosts[5].id, '999999999', sim.data.hosts[1].id, 'not-an-id', sim.data.hosts[5].id];
      sim.reset();
      const hosts = await source.listByIds('host', wanted);
      expect(hosts.map((h) => h?.consoleId ?? null)).toEqual([wanted[0], null, wanted[2], null, wanted[0]]);
      expect(sim.calls('GET /host')).toBe(1);
    });

    it('maps dates from epoch microseconds and sizes from MB', async () => {
      const source = r.source();
      const pool = sim.data.diskpools[0];
      const [mapped] = await source.listByIds('diskpool', [pool.id]);
      expect(mapped?.capacityBytes).toBe(pool.capacity_mb * 1024 * 1024);
      expect(mapped?.modifiedAt?.getTime()).toBe(Math.floor(pool.modifydate / 1000));
      const policies = await source.listPolicies(sim.data.slts[0].id);
      expect(policies.map((p) => p.consoleId).sort()).toEqual([...sim.data.slts[0].policyIds].sort());
    });
  });
});
