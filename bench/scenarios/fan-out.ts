import { Pool } from 'undici';
import { startChildGateway, type ChildGateway } from '../lib/child-gateway.js';
import { fig, type Figure, type RunOptions, type Scenario } from '../lib/figures.js';
import { benchConfig } from '../lib/gateway-config.js';
import { GraphQLClient } from '../lib/graphql-client.js';
import { startSimulator, type CommvaultSimulator } from '../lib/simulator.js';
import { median, nowMs, ratio } from '../lib/stats.js';

const PAGE = 50;
/** The unified list's first page, as a jobs screen asks for it: no relation, so one list call per CommServe. */
const JOBS_PAGE = /* GraphQL */ `
  query FanOutJobs($first: Int) {
    jobs(first: $first) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id status jobType startedAt endedAt upstream { id } } }
    }
  }
`;
const LIST_ROUTE = 'GET /Job';

/**
 * The unified `jobs` page over 10 and 50 CommServes (simulators in the bench process, each on its own
 * free port with the fixed 5 ms latency), against each upstream's own answer to the same list. Job
 * lists are not cached (TTL 0), so every query asks every upstream; sessions are live (one query first).
 * The figures: the page's p50; the slowest single upstream's p50 for the same `GET /Job` sent directly
 * (each simulator alone); the same list sent directly to all of them at once (the floor of a fan-out in
 * this process); and, from the simulators' own counters, the list calls per upstream per query
 * (asserted here: more than one fails the scenario).
 */
export const fanOut: Scenario = {
  name: 'fan-out',
  title: 'Unified jobs page over 10 and 50 upstreams against the slowest upstream',
  async run(options: RunOptions, notes: string[]): Promise<Figure[]> {
    const figures: Figure[] = [];
    // Quick: three upstreams, three pages (the harness, not the figures: each gateway start is seconds).
    for (const count of options.quick ? [3] : [10, 50]) figures.push(...(await fanOutOver(count, options.quick ? 3 : 30, notes)));
    return figures;
  },
};

async function fanOutOver(count: number, samples: number, notes: string[]): Promise<Figure[]> {
  const sims: CommvaultSimulator[] = [];
  let gateway: ChildGateway | undefined;
  try {
    // Different seeds: every CommServe has its own jobs (the order then interleaves them).
    for (let i = 0; i < count; i++) sims.push(await startSimulator({ seed: 42 + i }));
    const ids = sims.map((_, i) => `cv-${String(i + 1).padStart(2, '0')}`);
    const base = benchConfig({ simulatorUrl: sims[0]!.url, ttlMs: { jobsRunning: 0, jobsFinished: 0 }, readBucket: { capacity: 1000, refillPerSecond: 1000 } });
    const upstream = (base.upstreams as Array<Record<string, unknown>>)[0]!;
    gateway = await startChildGateway({
      ...base,
      // 50 upstreams × one list each is above the default cost limit of an analyst's operation.
      limits: { maxCost: 100_000 },
      upstreams: sims.map((sim, i) => ({ ...upstream, id: ids[i], url: sim.url })),
    });
    const client = new GraphQLClient(gateway.url, 1);
    try {
      const first = await client.query(JOBS_PAGE, { first: PAGE });
      const data = first.body.data as { jobs: { edges: unknown[] } } | undefined;
      if (first.body.errors?.length || data?.jobs.edges.length !== PAGE) throw new Error(`first page failed: ${JSON.stringify(first.body).slice(0, 400)}`);
      for (const sim of sims) sim.reset();

      // The gateway's page, sessions live, lists uncached.
      const times: number[] = [];
      for (let i = 0; i < samples; i++) {
        const answer = await client.query(JOBS_PAGE, { first: PAGE });
        if (answer.body.errors?.length) throw new Error(`page failed: ${JSON.stringify(answer.body.errors).slice(0, 400)}`);
        times.push(answer.ms);
      }
      const perUpstream = sims.map((sim) => sim.calls(LIST_ROUTE) / samples);
      const otherCalls = sims.reduce((n, sim) => n + sim.stats().total - sim.calls(LIST_ROUTE), 0);
      const maxPerUpstream = Math.max(...perUpstream);
      if (maxPerUpstream > 1 || Math.min(...perUpstream) < 1) {
        throw new Error(`list calls per upstream per query: ${perUpstream.join(', ')} (expected exactly 1 each)`);
      }

      // The same list, sent directly: each upstream alone (its own answer time), then all at once.
      const direct = await Promise.all(sims.map((sim) => directList(sim.url)));
      try {
        const alone = [];
        for (const d of direct) {
          const own: number[] = [];
          for (let i = 0; i < Math.max(5, Math.ceil(samples / 3)); i++) own.push(await d.time());
          alone.push(median(own));
        }
        const slowest = Math.max(...alone);
        const together: number[] = [];
        for (let i = 0; i < samples; i++) {
          const t0 = nowMs();
          await Promise.all(direct.map((d) => d.time()));
          together.push(nowMs() - t0);
        }
        const gatewayP50 = median(times);
        const togetherP50 = median(together);
        notes.push(
          `${count} upstreams: ${samples} pages of ${PAGE} (lists uncached, sessions live); list calls per upstream per page ` +
            `${Math.min(...perUpstream)}–${maxPerUpstream}, other upstream calls ${otherCalls}; direct answers per upstream p50 ` +
            `${Math.min(...alone).toFixed(1)}–${slowest.toFixed(1)} ms`,
        );
        return [
          fig(`n${count}.listCallsPerUpstream`, `${count} upstreams: list calls per upstream per page (most)`, maxPerUpstream, 'calls', { goal: '≤ 1' }),
          fig(`n${count}.slowestUpstream.p50`, `${count} upstreams: slowest single upstream's own answer, p50`, slowest, 'ms'),
          fig(`n${count}.directAll.p50`, `${count} upstreams: the same list sent directly to all at once, p50`, togetherP50, 'ms', {
            ratio: ratio(togetherP50, slowest),
            against: 'slowest upstream',
          }),
          fig(`n${count}.gateway.p50`, `${count} upstreams: unified jobs page (first: ${PAGE}) via the gateway, p50`, gatewayP50, 'ms', {
            ratio: ratio(gatewayP50, slowest),
            against: 'slowest upstream',
            goal: count >= 50 ? '≤ 1.5×' : undefined,
          }),
          fig(`n${count}.gateway.vsDirectAll`, `${count} upstreams: gateway page ÷ direct to all at once`, ratio(gatewayP50, togetherP50), '×'),
        ];
      } finally {
        await Promise.all(direct.map((d) => d.close()));
      }
    } finally {
      await client.close();
    }
  } finally {
    await gateway?.stop();
    await Promise.all(sims.map((s) => s.close()));
  }
}

/** One upstream's `GET /Job` for the page, as the gateway sends it, over its own keep-alive connection. */
async function directList(url: string): Promise<{ time(): Promise<number>; close(): Promise<void> }> {
  const origin = new URL(url);
  const pool = new Pool(origin.origin, { connections: 1 });
  const login = await pool.request({
    path: `${origin.pathname}/Login`,
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ username: 'admin', password: Buffer.from('admin').toString('base64') }),
  });
  const token = ((await login.body.json()) as { token: string }).token;
  return {
    async time() {
      const t0 = nowMs();
      const res = await pool.request({
        path: `${origin.pathname}/Job?jobFilter=`,
        method: 'GET',
        headers: { accept: 'application/json', authtoken: token, limit: String(PAGE), offset: '0' },
      });
      const body = await res.body.text();
      if (res.statusCode !== 200) throw new Error(`direct GET /Job: ${res.statusCode} ${body.slice(0, 200)}`);
      return nowMs() - t0;
    },
    close: () => pool.close(),
  };
}
