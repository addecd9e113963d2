import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startChildGateway } from '../lib/child-gateway.js';
import { DASHBOARD_JOBS } from '../lib/documents.js';
import { fig, type Figure, type RunOptions, type Scenario } from '../lib/figures.js';
import { benchConfig } from '../lib/gateway-config.js';
import { errorCode, GraphQLClient } from '../lib/graphql-client.js';
import { startSimulator } from '../lib/simulator.js';
import { ratio, sleep, summarize } from '../lib/stats.js';

/** Every collector but protection every second: far more often than the defaults, so the callers' queries meet them. */
const BUSY_COLLECTORS = { tickMs: 100, intervalsMs: { capacity: 1_000, ddb: 1_000, infrastructure: 1_000, jobs: 1_000, protection: 60_000, events: 1_000, healthReport: 1_000, retention: 60_000 } };

/**
 * Issue 21: what a collection costs the upstream (calls per collector pass over one CommServe, from the
 * store's run records), and the p50 of a caller's dashboard query while collectors run against the same
 * without them (goal ≤ 1.1×). Two gateway processes on one simulator, queried in alternation.
 */
export const collectors: Scenario = {
  name: 'collectors',
  title: 'collectors: upstream calls per collection, caller p50 with and without them',
  async run(options: RunOptions, notes: string[]): Promise<Figure[]> {
    const sim = await startSimulator();
    const dir = mkdtempSync(join(tmpdir(), 'bench-collectors-'));
    const queries = options.smoke ? 10 : options.quick ? 60 : 300;
    try {
      const base = benchConfig({ simulatorUrl: sim.url });
      const [busy, idle] = await Promise.all([
        startChildGateway({ ...base, store: { dir }, collectors: BUSY_COLLECTORS }, { shared: options.smoke }),
        startChildGateway({ ...base, store: { enabled: false } }, { shared: options.smoke }),
      ]);
      const busyClient = new GraphQLClient(busy.url, 1);
      const idleClient = new GraphQLClient(idle.url, 1);
      const withCollectors: number[] = [];
      const without: number[] = [];
      let failed = 0;
      try {
        await sleep(1_500); // the first collections have run
        for (let i = 0; i < queries; i++) {
          for (const [client, into] of [[busyClient, withCollectors], [idleClient, without]] as const) {
            const a = await client.query(DASHBOARD_JOBS, { first: 50 });
            if (errorCode(a) !== undefined) failed++;
            into.push(a.ms);
          }
        }
      } finally {
        await busyClient.close();
        await idleClient.close();
        await Promise.all([busy.stop(), idle.stop()]);
      }
      const db = new Database(join(dir, 'history.sqlite'), { readonly: true });
      const perPass = db
        .prepare('select collector, count(*) as passes, avg(upstream_calls) as calls, max(upstream_calls) as cold, sum(ok) as ok from collector_runs group by collector order by collector')
        .all() as Array<{ collector: string; passes: number; calls: number; cold: number; ok: number }>;
      db.close();
      notes.push(
        `collectors every 1 s on one CommServe simulator (protection once; defaults: capacity, DDB and infrastructure 15 min, jobs and events 5 min, health report and protection 1 h); ` +
          `per pass: ${perPass.map((p) => `${p.collector} ${p.cold} calls cold, ${p.calls.toFixed(1)} on average (${p.ok}/${p.passes} ok)`).join(', ')}; ` +
          `${queries} dashboard queries per gateway, alternating; answers with errors: ${failed}`,
      );
      const w = summarize(withCollectors);
      const o = summarize(without);
      return [
        // Cold: the first pass, as every pass is at the default intervals (longer than the cache's TTLs).
        ...perPass.map((p) => fig(`calls.${p.collector}`, `upstream calls per ${p.collector} pass, cold cache (one CommServe)`, p.cold, 'calls')),
        fig('p50.without', 'caller dashboard query p50, no collectors', o.p50, 'ms'),
        fig('p50.with', 'caller dashboard query p50, collectors running', w.p50, 'ms', { ratio: ratio(w.p50, o.p50), against: 'no collectors', goal: '≤ 1.1×' }),
        fig('failed', 'caller queries answered with errors', failed, 'queries'),
      ];
    } finally {
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
