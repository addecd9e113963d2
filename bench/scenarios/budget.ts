import { DEFAULT_RATE_LIMIT_QUEUE_TIMEOUT_MS } from '../../src/config/schema.js';
import { tallyCallers } from '../lib/caller-outcomes.js';
import { startChildGateway, type ChildGateway } from '../lib/child-gateway.js';
import { driveTenant } from './budget-tenant.js';
import { DASHBOARD_JOBS } from '../lib/documents.js';
import { fig, type Figure, type RunOptions, type Scenario } from '../lib/figures.js';
import { benchConfig } from '../lib/gateway-config.js';
import { GraphQLClient, type GraphQLAnswer } from '../lib/graphql-client.js';
import { scrapeMetrics, sumOf } from '../lib/metrics.js';
import { openLoop } from '../lib/open-loop.js';
import { startRedis } from '../lib/redis.js';
import { startSimulator, type CommvaultSimulator } from '../lib/simulator.js';
import { median, ratio, sleep } from '../lib/stats.js';
import { StatusCounter } from '../lib/status-counter.js';

/**
 * The upstream's budget: the simulator's own limit, and the gateway's read bucket as configured (the
 * upstream's limit; the gateway spends it less its default headroom of one token, see withHeadroom).
 */
const BUCKET = { capacity: 10, refillPerSecond: 10 };
const DEMAND_FACTOR = 5;
/** A caller answered later than this waited in the token queue (an unqueued page takes ~10–30 ms here). */
const QUEUED_AFTER_MS = 75;
const QUICK_QUEUE_TIMEOUT_MS = 1500;
const SMOKE_QUEUE_TIMEOUT_MS = 1000;
/** Three of the tenant's 10 s periods. */
const TENANT_SECONDS = 30;

/**
 * Scenario 4 — demand at 5× the upstream's token-bucket rate with distinct (uncacheable) queries:
 * upstream 429s, share of the budget used, and what callers got. Then the same demand split over
 * three gateway processes sharing one budget in a private Redis.
 */
export const budget: Scenario = {
  name: 'budget',
  title: 'Demand at 5× the upstream budget: 429s, budget used, callers’ outcome',
  async run(options: RunOptions, notes: string[]): Promise<Figure[]> {
    const seconds = options.smoke ? 1 : options.quick ? 3 : 20;
    // The queue drains for its whole timeout after the demand stops; quick and smoke mode shorten both.
    const queueTimeoutMs = options.smoke ? SMOKE_QUEUE_TIMEOUT_MS : options.quick ? QUICK_QUEUE_TIMEOUT_MS : DEFAULT_RATE_LIMIT_QUEUE_TIMEOUT_MS;
    const figures: Figure[] = [];
    const sim = await startSimulator({ rateLimit: { requestsPerSecond: BUCKET.refillPerSecond, burst: BUCKET.capacity } });
    const statuses = new StatusCounter(new URL(sim.url).pathname);
    try {
      const single = await drive(sim, statuses, 1, seconds, queueTimeoutMs, undefined, options.smoke);
      figures.push(...single.figures('single', 'one gateway'));
      notes.push(single.note('one gateway'));

      if (options.quick) {
        notes.push('quick mode: the 3-process Redis variant and the Commvault Cloud tenant run are skipped (they need three gateway starts each and a longer drain)');
      } else {
        const { redis, reason } = await startRedis();
        if (!redis) {
          notes.push(`3-process Redis variant skipped: ${reason}`);
        } else {
          try {
            const shared = await drive(sim, statuses, 3, seconds, queueTimeoutMs, redis.url);
            figures.push(...shared.figures('redis3', '3 processes, Redis'));
            notes.push(shared.note('3 processes sharing Redis'));
            figures.push(...(await driveTenant(redis.url, TENANT_SECONDS, DEMAND_FACTOR, queueTimeoutMs, variablesOf, notes)));
          } finally {
            await redis.stop();
          }
        }
      }
      notes.push(
        `bucket capacity ${BUCKET.capacity}, refill ${BUCKET.refillPerSecond}/s in the simulator and as the gateway's configured read limit (spent less the default headroom of 1 token); demand ${DEMAND_FACTOR}× = ` +
          `${DEMAND_FACTOR * BUCKET.refillPerSecond} distinct dashboard queries/s (open loop) for ${seconds} s; each costs one GET /Job ` +
          `(first 1–100 × category × jobType varied; GET /Client cached by a priming query); queue timeout ${queueTimeoutMs / 1000} s; ` +
          `budget = capacity + rate × (first request → last answer); "queued" = served after > ${QUEUED_AFTER_MS} ms`,
      );
      return figures;
    } finally {
      statuses.close();
      await sim.close();
    }
  },
};

const CATEGORIES = [undefined, 'ACTIVE', 'FINISHED'] as const;
const JOB_TYPES = [undefined, ['Backup'], ['Restore'], ['Backup', 'Restore']] as const;

/** The i-th distinct variable set: 1200 before any repeats, more than 20 s × 50/s. */
function variablesOf(i: number): Record<string, unknown> {
  const category = CATEGORIES[Math.floor(i / 100) % CATEGORIES.length];
  const jobType = JOB_TYPES[Math.floor(i / 300) % JOB_TYPES.length];
  const filter: Record<string, unknown> = {};
  if (category) filter.category = category;
  if (jobType) filter.jobType = jobType;
  return { first: 1 + (i % 100), filter };
}

async function drive(sim: CommvaultSimulator, statuses: StatusCounter, processes: number, seconds: number, queueTimeoutMs: number, redisUrl?: string, shared = false) {
  const config = benchConfig({ simulatorUrl: sim.url, readBucket: BUCKET, queueTimeoutMs, redisUrl });
  const gateways: ChildGateway[] = await Promise.all(Array.from({ length: processes }, () => startChildGateway(config, { shared })));
  const clients = gateways.map((g) => new GraphQLClient(g.url, 400));
  try {
    // Log every gateway in and cache GET /Client: the run then spends the budget on job lists only.
    for (const [n, c] of clients.entries()) {
      // A key the run never asks for ('Prime…' matches nothing, 'Backup' fills the page with clients), one per
      // process: a key shared through Redis would let the later processes skip their own login.
      const a = await c.query(DASHBOARD_JOBS, { first: 100, filter: { jobType: ['Backup', `Prime${n}`] } });
      if (a.body.errors?.length) throw new Error(`prime failed: ${JSON.stringify(a.body.errors)}`);
    }
    // Both buckets full again before the clock starts.
    await sleep((BUCKET.capacity / BUCKET.refillPerSecond) * 1000 + 500);
    const before = await Promise.all(gateways.map((g) => scrapeMetrics(g.url)));
    statuses.reset();
    sim.reset();

    const rate = BUCKET.refillPerSecond * DEMAND_FACTOR;
    const run = await openLoop<GraphQLAnswer>({
      ratePerSecond: rate,
      durationSeconds: seconds,
      send: (i) => clients[i % clients.length].query(DASHBOARD_JOBS, variablesOf(i)),
    });
    const after = await Promise.all(gateways.map((g) => scrapeMetrics(g.url)));

    // Taken now: stopping the gateways below logs them out, which the simulator counts too.
    const upstreamTotal = statuses.total();
    const byRoute = sim.stats().byRoute;
    const wallSeconds = (run.settledMs - run.startedMs) / 1000;
    const upstream429 = statuses.count(429);
    const admitted = upstreamTotal - upstream429;
    const budgetCalls = BUCKET.capacity + BUCKET.refillPerSecond * wallSeconds;
    const delta = (name: string, match: Record<string, string>): number =>
      after.reduce((a, s) => a + sumOf(s, name, match), 0) - before.reduce((a, s) => a + sumOf(s, name, match), 0);
    const waitsAll = delta('backup_graph_ratelimit_wait_seconds_count', { access: 'read' });
    const waitsShort = delta('backup_graph_ratelimit_wait_seconds_bucket', { access: 'read', le: '0.01' });

    const { served, queued, rateLimited, retryAfter, other, otherCodes } = tallyCallers(run.results, QUEUED_AFTER_MS);
    const callers = run.results.length;
    return {
      figures(prefix: string, label: string): Figure[] {
        return [
          fig(`${prefix}.demand`, `${label}: demand`, callers / seconds, 'req/s', { ratio: ratio(callers / seconds, BUCKET.refillPerSecond), against: 'bucket rate' }),
          fig(`${prefix}.upstream429`, `${label}: upstream 429s`, upstream429, 'answers', { ratio: ratio(upstream429, upstreamTotal), against: 'upstream calls', goal: '0' }),
          fig(`${prefix}.admitted`, `${label}: upstream calls admitted`, admitted, 'calls', { ratio: ratio(admitted, budgetCalls), against: 'budget', goal: '≥ 90 % of budget' }),
          fig(`${prefix}.budget`, `${label}: budget (cap + rate × ${wallSeconds.toFixed(1)} s)`, budgetCalls, 'calls'),
          fig(`${prefix}.served`, `${label}: callers served`, served, 'callers', { ratio: ratio(served, callers), against: 'callers' }),
          fig(`${prefix}.queued`, `${label}: … of which queued first`, queued, 'callers', { ratio: ratio(queued, served), against: 'served' }),
          fig(`${prefix}.tokenWaits`, `${label}: upstream calls that waited for a token`, waitsAll - waitsShort, 'calls', { ratio: ratio(waitsAll - waitsShort, waitsAll), against: 'token takes' }),
          fig(`${prefix}.rateLimited`, `${label}: callers refused RATE_LIMITED`, rateLimited, 'callers', { ratio: ratio(rateLimited, callers), against: 'callers' }),
          fig(`${prefix}.retryAfter`, `${label}: retryAfterMs (median)`, median(retryAfter), 'ms'),
          fig(`${prefix}.otherErrors`, `${label}: callers with other errors`, other, 'callers', { ratio: ratio(other, callers), against: 'callers' }),
        ];
      },
      note(label: string): string {
        return `${label}: ${callers} callers, ${upstreamTotal} upstream answers (${upstream429} × 429), other error codes ${JSON.stringify(Object.fromEntries(otherCodes))}, upstream routes ${JSON.stringify(byRoute)}`;
      },
    };
  } finally {
    await Promise.all(clients.map((c) => c.close()));
    await Promise.all(gateways.map((g) => g.stop()));
  }
}
