import { startChildGateway } from '../lib/child-gateway.js';
import { DirectCommvault, jobRefs } from '../lib/direct-upstream.js';
import { DASHBOARD_JOBS } from '../lib/documents.js';
import { fig, type Figure, type RunOptions, type Scenario } from '../lib/figures.js';
import { benchConfig } from '../lib/gateway-config.js';
import { GraphQLClient } from '../lib/graphql-client.js';
import { SIM_LATENCY_MS, startSimulator } from '../lib/simulator.js';
import { median, nowMs, ratio } from '../lib/stats.js';

const PAGE = 100;
/** Every resource class uncached: each query is a cold one, only the login session survives. */
const NO_CACHE = { jobsRunning: 0, jobsFinished: 0, inventory: 0, capacity: 0, events: 0, metadata: 0 };
/** List routes a replay can send as they are (no per-object parameter). */
const REPLAYABLE = new Set(['GET /Client', 'GET /V2/Plan', 'GET /StoragePolicy', 'GET /StoragePool', 'GET /V2/MediaAgents', 'GET /Library']);

/**
 * Scenario 1 — the dashboard page (100 jobs with client, subclient, plan, storage policy), cold:
 * upstream calls per query, and latency against (a) the minimum possible, the gateway's own upstream
 * calls replayed directly with undici in dependency order, and (b) a naive resolver-per-field
 * gateway's calls (one detail call per job and relation) also made directly.
 */
export const nPlusOne: Scenario = {
  name: 'n-plus-one',
  title: 'Dashboard page cold: upstream calls and latency vs direct calls',
  async run(options: RunOptions, notes: string[]): Promise<Figure[]> {
    const samples = options.smoke ? 1 : options.quick ? 3 : 40;
    // Unrecorded rounds first: a dashboard polls all day, so the figure is the JIT-warm steady state.
    const warmups = options.smoke || options.quick ? 2 : 20;
    const sim = await startSimulator();
    // The read bucket out of the way: this scenario measures a cold page's latency, and its warm-up and
    // samples ask for the page more often than a CommServe's default budget (30, 15 a second) refills.
    const readBucket = { capacity: 10_000, refillPerSecond: 10_000 };
    const gateway = await startChildGateway(benchConfig({ simulatorUrl: sim.url, ttlMs: NO_CACHE, readBucket }), { shared: options.smoke });
    const client = new GraphQLClient(gateway.url, 4);
    const direct = new DirectCommvault(sim.url);
    try {
      // The very first query of a fresh gateway: login included.
      sim.reset();
      const first = await client.query(DASHBOARD_JOBS, { first: PAGE });
      assertPage(first.body);
      const firstCalls = sim.stats();
      const replay = Object.entries(firstCalls.byRoute).filter(([r]) => r !== 'POST /Login' && r !== 'GET /Job');
      const notReplayable = replay.filter(([r]) => !REPLAYABLE.has(r));
      if (notReplayable.length > 0) notes.push(`routes the replay cannot send and leaves out: ${notReplayable.map(([r]) => r).join(', ')}`);

      // Cold cache, live session: the steady case of an uncached page.
      const gatewayMs: number[] = [];
      let callsPerQuery = 0;
      // Minimum possible: the same calls, directly, in dependency order. The lists the page needs are whole
      // lists (no job ids in them), so they depend on the login only and go beside the job list.
      const replayOnce = async (withLogin: boolean): Promise<number> => {
        const started = nowMs();
        if (withLogin) await direct.login();
        await Promise.all([
          direct.jobs(PAGE),
          ...replay.filter(([r]) => REPLAYABLE.has(r)).flatMap(([route, n]) => Array.from({ length: n }, () => direct.get(route.slice(4)))),
        ]);
        return nowMs() - started;
      };
      // Warm-up rounds of both (JIT, connections, not the cache), then the two in turn, one sample of each
      // per round, so a slow stretch of the machine falls on both alike.
      await replayOnce(true); // the direct replay's own session
      for (let i = 0; i < warmups; i += 1) {
        await client.query(DASHBOARD_JOBS, { first: PAGE });
        await replayOnce(false);
      }
      const directMs: number[] = [];
      const gcBefore = await gateway.gcStats();
      for (let i = 0; i < samples; i += 1) {
        sim.reset();
        const answer = await client.query(DASHBOARD_JOBS, { first: PAGE });
        assertPage(answer.body);
        gatewayMs.push(answer.ms);
        callsPerQuery = Math.max(callsPerQuery, sim.stats().total);
        directMs.push(await replayOnce(false));
      }
      const gcAfter = await gateway.gcStats();
      // The gateway's own collections: it is idle while the bench sends the direct replays.
      const gcMsPerQuery = (gcAfter.ms - gcBefore.ms) / samples;
      const gcCountPerQuery = (gcAfter.count - gcBefore.count) / samples;
      const directFirstMs: number[] = [];
      for (let i = 0; i < samples; i += 1) directFirstMs.push(await replayOnce(true));

      // Naive: a resolver per field, no batching, no cache — one detail call per job and relation.
      let naiveCalls = 0;
      const naiveMs: number[] = [];
      for (let i = -2; i < samples; i += 1) {
        sim.reset();
        const started = nowMs();
        const refs = jobRefs(await direct.jobs(PAGE));
        await Promise.all(
          refs.flatMap((r) => [
            direct.get(`/Client/${r.clientId}`),
            direct.get(`/Subclient/${r.subclientId}`),
            direct.get(`/V2/Plan/${r.planId}`),
            direct.get(`/StoragePolicy/${r.storagePolicyId}`),
          ]),
        );
        if (i < 0) continue;
        naiveMs.push(nowMs() - started);
        naiveCalls = sim.stats().total;
      }

      notes.push(
        `simulator latency ${SIM_LATENCY_MS} ms per call; page of ${PAGE} jobs; ${warmups} warm-up rounds, then ${samples} samples each (gateway and direct minimum in turn), medians; cache TTLs 0 so every query is cold; ` +
          `gateway calls of the first query: ${JSON.stringify(firstCalls.byRoute)}; naive = GET /Job + 4 detail calls per job over 16 keep-alive connections`,
      );
      const gw = median(gatewayMs);
      const min = median(directMs);
      // Each round's gateway query and direct replay run back to back, on the same stretch of the
      // machine: the median of the rounds' own ratios moves less with the machine's load than the
      // ratio of the two medians, which may come from different stretches.
      const pairedRatio = median(gatewayMs.map((g, i) => g / (directMs[i] as number)));
      const naive = median(naiveMs);
      return [
        fig('calls.first', 'upstream calls, first query (incl. login)', firstCalls.total, 'calls', {
          ratio: ratio(firstCalls.total, naiveCalls + 1),
          against: 'naive (incl. login)',
          goal: '≤ 6',
        }),
        fig('calls.perQuery', 'upstream calls per query (session live)', callsPerQuery, 'calls', { ratio: ratio(callsPerQuery, naiveCalls), against: 'naive' }),
        fig('calls.naive', 'naive upstream calls per query', naiveCalls, 'calls', { goal: '≈ 400' }),
        fig('latency.first', 'first query, fresh gateway (incl. login)', first.ms, 'ms', {
          ratio: ratio(first.ms, median(directFirstMs)),
          against: 'direct min incl. login',
        }),
        fig('latency.directFirst', 'direct min incl. login (p50)', median(directFirstMs), 'ms'),
        fig('latency.gateway', 'cold query via gateway (p50)', gw, 'ms', { ratio: ratio(gw, min), against: 'direct min' }),
        fig('latency.directMin', 'direct min, same calls in dependency order (p50)', min, 'ms'),
        fig('latency.pairedRatio', 'cold query / direct min, same round (p50 of the rounds)', pairedRatio, '×', { goal: '≤ 1.3' }),
        fig('latency.naive', 'naive direct (p50)', naive, 'ms', { ratio: ratio(naive, gw), against: 'gateway cold' }),
        fig('latency.overheadCold', 'gateway cold minus direct min (p50)', gw - min, 'ms'),
        fig('gc.msPerQuery', 'gateway GC pause per cold query (mean)', gcMsPerQuery, 'ms', { ratio: ratio(gcMsPerQuery, median(gatewayMs)), against: 'cold p50' }),
        fig('gc.countPerQuery', 'gateway collections per cold query (mean)', gcCountPerQuery, 'GCs'),
      ];
    } finally {
      await client.close();
      await direct.close();
      await gateway.stop();
      await sim.close();
    }
  },
};

function assertPage(body: { data?: unknown; errors?: unknown[] }): void {
  const edges = (body.data as { jobs?: { edges?: unknown[] } } | undefined)?.jobs?.edges;
  if (body.errors?.length || !edges || edges.length !== PAGE) {
    throw new Error(`dashboard query failed: ${JSON.stringify(body).slice(0, 300)}`);
  }
}
