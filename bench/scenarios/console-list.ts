import { BDR_UPSTREAM_ID, bdrBenchConfig, startBdrSimulator } from '../lib/backupdr-bench.js';
import { startChildGateway } from '../lib/child-gateway.js';
import { CONSOLE_APPS, CONSOLE_JOBS } from '../lib/console-documents.js';
import { measureCold, measureWarm, type ColdFigures, type ConsolePage } from '../lib/console-page-bench.js';
import { DirectBackupDr } from '../lib/direct-backupdr.js';
import { fig, type Figure, type RunOptions, type Scenario } from '../lib/figures.js';
import { GraphQLClient } from '../lib/graphql-client.js';
import { tickFor, type LoadResult } from '../lib/load.js';
import { RequestRecorder } from '../lib/request-recorder.js';
import { SIM_LATENCY_MS } from '../lib/simulator.js';
import { ratio } from '../lib/stats.js';

/** Every data class uncached, so each query is cold; metadata keeps its 1 h default (see the notes). */
const NO_CACHE = { jobsRunning: 0, jobsFinished: 0, inventory: 0, capacity: 0, events: 0 };
/** Long TTLs: the warm runs measure a hot cache, not the 5 s refresh of running-job lists. */
const HOT_TTL = { jobsRunning: 600_000, jobsFinished: 600_000, inventory: 600_000, capacity: 600_000, events: 600_000 };
/**
 * The console's default read bucket (40, 20/s) would queue the back-to-back cold samples (5 calls each)
 * after the first eight queries and measure the limiter, not the gateway: raised out of the way.
 */
const OPEN_BUCKET = { capacity: 100_000, refillPerSecond: 100_000 };
const DAY_MS = 86_400_000;

/**
 * Scenario 6 — a Backup and DR console list with filters and `totalCount`: a page of 100 failed or
 * canceled jobs of the last 7 days with application, host and SLA, and an application search (keyword
 * + name fragment) with hosts. Cold: upstream calls per query and latency against the minimum possible
 * (the gateway's own console calls of that query replayed directly with undici, in dependency order),
 * with and without `totalCount` (its HEAD is the difference). Warm: p50/p99 at 1 and 10 clients.
 */
export const consoleList: Scenario = {
  name: 'console-list',
  title: 'Backup and DR console list with filters and totalCount',
  async run(options: RunOptions, notes: string[]): Promise<Figure[]> {
    const samples = options.smoke ? 1 : options.quick ? 3 : 15;
    // Quick: 1 s levels (autocannon's shortest real run) and a short warm-up, so `--quick` stays under a minute.
    const warmOptions = { seconds: options.smoke ? 0.5 : options.quick ? 1 : 10, warmupSeconds: options.smoke ? 0.2 : options.quick ? 0.3 : 1, ...tickFor(options) };
    const sim = await startBdrSimulator();
    const basePath = new URL(sim.url).pathname;
    const recorder = new RequestRecorder(basePath);
    const direct = new DirectBackupDr(sim.url);
    // Two gateways, started together to keep quick mode short: TTL 0 for cold figures, hot for warm ones.
    const [cold, hot] = await Promise.all([
      startChildGateway(bdrBenchConfig({ simulatorUrl: sim.url, ttlMs: NO_CACHE, readBucket: OPEN_BUCKET }), { shared: options.smoke }),
      startChildGateway(bdrBenchConfig({ simulatorUrl: sim.url, ttlMs: HOT_TTL, readBucket: OPEN_BUCKET }), { shared: options.smoke }),
    ]);
    const client = new GraphQLClient(cold.url, 4);
    try {
      const pages = consolePages();
      const figures: Figure[] = [];
      for (const page of pages) {
        const c = await measureCold({ sim, recorder, direct, basePath }, client, page, samples);
        const w = await measureWarm(sim, hot.url, page, warmOptions);
        figures.push(...coldFigures(page.key, c), ...warmFigures(page.key, w.loads, w.upstreamCalls));
        notes.push(
          `${page.key}: ${JSON.stringify(page.variables.filter)}; first query ${JSON.stringify(c.first.byRoute)}; per cold query ${JSON.stringify(c.total.byRoute)}, ` +
            `without totalCount ${JSON.stringify(c.bare.byRoute)}; warm non-2xx/errors ${w.loads.map((l) => `${l.non2xx}/${l.errors}`).join(', ')}`,
        );
      }
      notes.push(
        `simulator latency ${SIM_LATENCY_MS} ms per call; ${samples} cold samples each (medians), data TTLs 0, OPTIONS metadata cached (1 h default) after the first query; read bucket raised to ${OPEN_BUCKET.capacity} (default 40, 20/s); ` +
          `direct min = the last cold query's own calls replayed with undici (16 keep-alive connections) stage by stage: ${pages.map((p) => `${p.key} ${JSON.stringify(p.stages)}`).join('; ')}; ` +
          `warm: ${warmOptions.seconds} s per level (autocannon, closed loop), TTLs 10 min`,
      );
      return figures;
    } finally {
      recorder.close();
      await client.close();
      await direct.close();
      await Promise.all([cold.stop(), hot.stop()]);
      await sim.close();
    }
  },
};

function consolePages(): ConsolePage[] {
  // Fixed once per run (to the minute), so every query of the run sends the same variables and the
  // warm runs hit the same cache entries.
  const since = new Date(Math.floor((Date.now() - 7 * DAY_MS) / 60_000) * 60_000).toISOString();
  return [
    {
      key: 'jobs',
      document: CONSOLE_JOBS,
      variables: { upstream: BDR_UPSTREAM_ID, first: 100, filter: { status: ['FAILED', 'KILLED'], startedAfter: since } },
      // The SLA is the application's: its ids come from the application answer.
      stages: [['/jobstatus'], ['/application', '/host'], ['/sla']],
      minEdges: 100,
    },
    {
      key: 'apps',
      document: CONSOLE_APPS,
      variables: { upstream: BDR_UPSTREAM_ID, first: 100, filter: { keyword: 'db', nameContains: '-' } },
      stages: [['/application'], ['/host']],
      minEdges: 50,
    },
  ];
}

function coldFigures(k: string, c: ColdFigures): Figure[] {
  return [
    fig(`${k}.calls.first`, `${k}: upstream calls, first query (incl. login/OPTIONS)`, c.first.calls, 'calls', k === 'jobs' ? { goal: '≤ 6 (5 + HEAD)' } : {}),
    fig(`${k}.calls.perQuery`, `${k}: upstream calls per cold query, with totalCount`, c.total.calls, 'calls', {
      ratio: ratio(c.total.calls, c.bare.calls),
      against: 'without totalCount',
    }),
    fig(`${k}.calls.perQueryNoTotal`, `${k}: upstream calls per cold query, without totalCount`, c.bare.calls, 'calls', k === 'jobs' ? { goal: '≤ 5 incl. login' } : {}),
    fig(`${k}.latency.first`, `${k}: first query (p50 n/a: one sample)`, c.first.ms, 'ms', { ratio: ratio(c.first.ms, c.total.directFirst), against: 'direct min incl. login' }),
    fig(`${k}.latency.directFirst`, `${k}: direct min incl. login (p50)`, c.total.directFirst, 'ms'),
    fig(`${k}.latency.gateway`, `${k}: cold via gateway, with totalCount (p50)`, c.total.ms, 'ms', { ratio: ratio(c.total.ms, c.total.direct), against: 'direct min' }),
    fig(`${k}.latency.directMin`, `${k}: direct min, with HEAD (p50)`, c.total.direct, 'ms'),
    fig(`${k}.latency.gatewayNoTotal`, `${k}: cold via gateway, without totalCount (p50)`, c.bare.ms, 'ms', {
      ratio: ratio(c.bare.ms, c.bare.direct),
      against: 'direct min w/o HEAD',
    }),
    fig(`${k}.latency.directMinNoTotal`, `${k}: direct min, without HEAD (p50)`, c.bare.direct, 'ms'),
    fig(`${k}.totalCount.cost`, `${k}: totalCount cost, cold (p50 with − without)`, c.total.ms - c.bare.ms, 'ms', {
      ratio: ratio(c.total.ms, c.bare.ms),
      against: 'without totalCount',
    }),
  ];
}

function warmFigures(k: string, loads: readonly LoadResult[], upstreamCalls: number): Figure[] {
  const c1 = loads[0];
  return [
    ...loads.flatMap((l) => [
      fig(`${k}.warm.c${l.connections}.p50`, `${k}: warm p50, ${l.connections} concurrent`, l.latency.p50, 'ms', { ratio: ratio(l.latency.p50, c1.latency.p50), against: 'p50 at 1' }),
      fig(`${k}.warm.c${l.connections}.p99`, `${k}: warm p99, ${l.connections} concurrent`, l.latency.p99, 'ms', { ratio: ratio(l.latency.p99, l.latency.p50), against: 'own p50' }),
      fig(`${k}.warm.c${l.connections}.rps`, `${k}: warm requests/s, ${l.connections} concurrent`, l.requestsPerSecond, 'req/s'),
    ]),
    fig(`${k}.warm.upstreamCalls`, `${k}: upstream calls during the warm runs`, upstreamCalls, 'calls', { goal: '0' }),
  ];
}
