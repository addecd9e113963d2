import { DEFAULT_RATE_LIMIT_HEADROOM_TOKENS } from '../../src/config/schema.js';
import { withHeadroom } from '../../src/ratelimit/token-bucket.js';
import { windowSafeBucket } from '../../src/ratelimit/window-safe-bucket.js';
import { tallyCallers } from '../lib/caller-outcomes.js';
import { startChildGateway, type ChildGateway } from '../lib/child-gateway.js';
import { DASHBOARD_JOBS } from '../lib/documents.js';
import { fig, type Figure } from '../lib/figures.js';
import { benchConfig } from '../lib/gateway-config.js';
import { GraphQLClient, type GraphQLAnswer } from '../lib/graphql-client.js';
import { openLoop } from '../lib/open-loop.js';
import { startSimulator } from '../lib/simulator.js';
import { ratio, sleep } from '../lib/stats.js';
import { StatusCounter } from '../lib/status-counter.js';

/**
 * A Commvault Cloud tenant's budget, shortened so the run fits: reads per period in fixed windows, as the
 * tenant announces it in X-RateLimit-Limit / X-RateLimit-Period (the real tenant: 1000 reads an hour).
 */
export const TENANT = { readsPerPeriod: 50, writesPerPeriod: 50, periodSeconds: 10 };
const TENANT_RATE = TENANT.readsPerPeriod / TENANT.periodSeconds;
/**
 * The gateway's configured read bucket for the tenant: far above the shortened tenant's budget (the real
 * tenant's default would be far below it), so only what the tenant announces in X-RateLimit-Limit/Period
 * shapes the bucket — windowSafeBucket: a burst of 2 (1 after the default headroom) and 48 reads per
 * 10 s after it, never more than 50 in any 10 s.
 */
const GATEWAY_READ_BUCKET = { capacity: 100, refillPerSecond: 100 };
/**
 * The same for writes: the tenant counts every POST as a write, logins included, and the kind's default
 * write bucket is the real tenant's 100 an hour (burst 5, one token every 38 s after it). Left at that
 * default, the second process found the shared write bucket spent by the first one's two logins and refused
 * its callers' first query for 38 s (the scenario failed at its priming); the shortened tenant announces 50
 * writes per 10 s, which shapes this bucket as the reads' shapes theirs.
 */
const GATEWAY_WRITE_BUCKET = { capacity: 100, refillPerSecond: 100 };
const SHAPED_READ_BUCKET = withHeadroom(windowSafeBucket({ limit: TENANT.readsPerPeriod, periodSeconds: TENANT.periodSeconds }), DEFAULT_RATE_LIMIT_HEADROOM_TOKENS);
const PROCESSES = 3;
const QUEUED_AFTER_MS = 75;

/**
 * The tenant's upstream id. Not the CommServe runs' `cv-bench`: they ran the same dashboard queries through
 * the same Redis with the same service account just before, and cache keys carry the upstream id and
 * identity, so under their id `ops-a` found some of its answers cached and was served without a read (the
 * "194 callers served for 172 reads" of the first run).
 */
const TENANT_UPSTREAM_ID = 'cvcloud-bench';

/** Two callers on the one tenant: the first through the service account, the second with its own credential. */
const CALLERS = [
  { id: 'ops-a', apiKey: 'tenant-key-a', role: 'analyst' },
  { id: 'ops-b', apiKey: 'tenant-key-b', role: 'analyst', credentials: { [TENANT_UPSTREAM_ID]: { username: 'acme', password: 'acme' } } },
];

function tenantGatewayConfig(simulatorUrl: string, redisUrl: string, queueTimeoutMs: number): Record<string, unknown> {
  const base = benchConfig({ simulatorUrl, readBucket: GATEWAY_READ_BUCKET, queueTimeoutMs, redisUrl });
  const [upstream] = base.upstreams as Array<Record<string, unknown>>;
  const rateLimit = { ...(upstream.rateLimit as Record<string, unknown>), write: GATEWAY_WRITE_BUCKET };
  return { ...base, callers: CALLERS, upstreams: [{ ...upstream, id: TENANT_UPSTREAM_ID, kind: 'commvault-cloud', rateLimit }] };
}

/**
 * Demand at 5× the tenant's read rate with distinct dashboard queries, split over two callers with
 * different credentials and three gateway processes sharing one budget in Redis.
 */
export async function driveTenant(
  redisUrl: string,
  seconds: number,
  demandFactor: number,
  queueTimeoutMs: number,
  variablesOf: (i: number) => Record<string, unknown>,
  notes: string[],
): Promise<Figure[]> {
  const sim = await startSimulator({ tenantBudget: TENANT });
  const statuses = new StatusCounter(new URL(sim.url).pathname);
  const config = tenantGatewayConfig(sim.url, redisUrl, queueTimeoutMs);
  const gateways: ChildGateway[] = [];
  const clients: Array<{ caller: string; client: GraphQLClient }> = [];
  try {
    gateways.push(...(await Promise.all(Array.from({ length: PROCESSES }, () => startChildGateway(config)))));
    // Every process serves both callers: the i-th request goes to process i mod 3 as caller i mod 2.
    for (const g of gateways) for (const c of CALLERS) clients.push({ caller: c.id, client: new GraphQLClient(g.url, 200, c.apiKey) });
    // Log each caller in on each process (its own key, never asked again) and let every process learn
    // the announced limit; GET /Client is cached per identity, so the run spends reads on job lists only.
    for (const [n, { client }] of clients.entries()) {
      const a = await client.query(DASHBOARD_JOBS, { first: 100, filter: { jobType: ['Backup', `Prime${n}`] } });
      if (a.body.errors?.length) throw new Error(`tenant prime failed: ${JSON.stringify(a.body.errors)}`);
    }
    // Past the priming's window: the run's first call opens a fresh one, with the buckets full again.
    await sleep(TENANT.periodSeconds * 1000 + 500);
    statuses.reset();
    sim.reset();

    const run = await openLoop<GraphQLAnswer>({
      ratePerSecond: TENANT_RATE * demandFactor,
      durationSeconds: seconds,
      send: (i) => clients[(i % PROCESSES) * CALLERS.length + (i % CALLERS.length)].client.query(DASHBOARD_JOBS, variablesOf(i)),
    });
    const byRoute = sim.stats().byRoute;
    const reads = Object.entries(byRoute).reduce((n, [route, count]) => (route.startsWith('GET ') ? n + Number(count) : n), 0);
    const upstreamTotal = statuses.total();
    const upstream429 = statuses.count(429);
    const wallSeconds = (run.settledMs - run.startedMs) / 1000;
    const budgetReads = TENANT_RATE * wallSeconds;
    const admittedReads = reads - upstream429;
    const callers = run.results.length;
    const byCaller = CALLERS.map((c, k) => {
      const mine = run.results.filter((r) => r.i % CALLERS.length === k);
      return { id: c.id, all: mine.length, ...tallyCallers(mine, QUEUED_AFTER_MS) };
    });
    const all = tallyCallers(run.results, QUEUED_AFTER_MS);
    const label = 'cloud tenant, 2 callers × 3 processes, Redis';
    notes.push(
      `${label}: tenant budget ${TENANT.readsPerPeriod} reads per ${TENANT.periodSeconds} s (fixed windows, announced in X-RateLimit-Limit/Period; ` +
        `the real tenant's is 1000 an hour); gateway read bucket configured ${GATEWAY_READ_BUCKET.capacity} / ${GATEWAY_READ_BUCKET.refillPerSecond} per s, ` +
        `shaped by the announced limit to ${SHAPED_READ_BUCKET.capacity} / ${SHAPED_READ_BUCKET.refillPerSecond.toFixed(2)} per s; ` +
        `demand ${demandFactor}× = ${TENANT_RATE * demandFactor} distinct dashboard queries/s for ${seconds} s, alternating callers ops-a (service account) ` +
        `and ops-b (own credential) over ${PROCESSES} processes; ${callers} callers, ${upstreamTotal} upstream answers (${upstream429} × 429), ` +
        `other error codes ${JSON.stringify(Object.fromEntries(all.otherCodes))}, upstream routes ${JSON.stringify(byRoute)}; budget = reads/period × run time / period`,
    );
    return [
      fig('tenant.demand', `${label}: demand`, callers / seconds, 'req/s', { ratio: ratio(callers / seconds, TENANT_RATE), against: 'tenant rate' }),
      fig('tenant.upstream429', `${label}: upstream 429s`, upstream429, 'answers', { ratio: ratio(upstream429, upstreamTotal), against: 'upstream calls', goal: '0' }),
      fig('tenant.admitted', `${label}: reads admitted by the tenant`, admittedReads, 'calls', { ratio: ratio(admittedReads, budgetReads), against: 'budget', goal: '≥ 90 % of budget' }),
      fig('tenant.budget', `${label}: tenant budget (${TENANT_RATE}/s × ${wallSeconds.toFixed(1)} s)`, budgetReads, 'calls'),
      ...byCaller.flatMap((c) => [
        fig(`tenant.${c.id}.served`, `${label}: ${c.id} served`, c.served, 'callers', { ratio: ratio(c.served, c.all), against: 'its callers' }),
        fig(`tenant.${c.id}.rateLimited`, `${label}: ${c.id} refused RATE_LIMITED`, c.rateLimited, 'callers', { ratio: ratio(c.rateLimited, c.all), against: 'its callers' }),
      ]),
      fig('tenant.otherErrors', `${label}: callers with other errors`, all.other, 'callers', { ratio: ratio(all.other, callers), against: 'callers' }),
    ];
  } finally {
    await Promise.all(clients.map((c) => c.client.close()));
    await Promise.all(gateways.map((g) => g.stop()));
    statuses.close();
    await sim.close();
  }
}
