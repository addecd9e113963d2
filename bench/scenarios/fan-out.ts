import { Pool } from 'undici';
import { startCannedUpstream, type CannedUpstream } from '../lib/canned-upstream.js';
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
    // Quick: three upstreams, three pages (the harness, not the figures: each gateway start is seconds); smoke: two pages.
    const samples = options.smoke ? 2 : options.quick ? 3 : 30;
    for (const count of options.quick ? [3] : [10, 50]) figures.push(...(await fanOutOver(count, samples, notes, options.smoke)));
    for (const count of options.quick ? [3] : [10, 50]) {
      figures.push(...(await fanOutIndependent(count, samples, options.quick ? [25] : INDEPENDENT_LATENCIES_MS, notes, options.smoke)));
    }
    return figures;
  },
};

/** Answer times of the independent upstreams (full run): a LAN-near CommServe to a loaded or distant one. */
const INDEPENDENT_LATENCIES_MS = [5, 25, 100];

/** Different seeds: every CommServe has its own jobs (the order then interleaves them). */
async function startSimulators(count: number): Promise<CommvaultSimulator[]> {
  const sims: CommvaultSimulator[] = [];
  for (let i = 0; i < count; i++) sims.push(await startSimulator({ seed: 42 + i }));
  return sims;
}

/** A gateway over these upstream URLs, job lists uncached; the first page is asked (sessions opened) before it is handed back. */
async function startFanOutGateway(urls: readonly string[], shared: boolean): Promise<{ gateway: ChildGateway; client: GraphQLClient }> {
  const base = benchConfig({ simulatorUrl: urls[0]!, ttlMs: { jobsRunning: 0, jobsFinished: 0 }, readBucket: { capacity: 1000, refillPerSecond: 1000 } });
  const upstream = (base.upstreams as Array<Record<string, unknown>>)[0]!;
  const gateway = await startChildGateway({
    ...base,
    // 50 upstreams × one list each is above the default cost limit of an analyst's operation.
    limits: { maxCost: 100_000 },
    upstreams: urls.map((url, i) => ({ ...upstream, id: `cv-${String(i + 1).padStart(2, '0')}`, url })),
  }, { shared });
  const client = new GraphQLClient(gateway.url, 1);
  const first = await client.query(JOBS_PAGE, { first: PAGE });
  const data = first.body.data as { jobs: { edges: unknown[] } } | undefined;
  if (first.body.errors?.length || data?.jobs.edges.length !== PAGE) {
    await client.close();
    await gateway.stop();
    throw new Error(`first page failed: ${JSON.stringify(first.body).slice(0, 400)}`);
  }
  return { gateway, client };
}

/** The gateway's page `samples` times, one after another: each answer's time. */
async function timePages(client: GraphQLClient, samples: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const answer = await client.query(JOBS_PAGE, { first: PAGE });
    if (answer.body.errors?.length) throw new Error(`page failed: ${JSON.stringify(answer.body.errors).slice(0, 400)}`);
    times.push(answer.ms);
  }
  return times;
}

/** Each upstream's own p50 for the page's list, asked alone (one upstream after another). */
async function aloneP50s(direct: ReadonlyArray<DirectList>, samples: number): Promise<number[]> {
  const alone = [];
  for (const d of direct) {
    const own: number[] = [];
    for (let i = 0; i < Math.max(5, Math.ceil(samples / 3)); i++) own.push(await d.time());
    alone.push(median(own));
  }
  return alone;
}

/** The slowest upstream's own p50, over connections of its own opened and closed here. */
async function slowestAlone(urls: readonly string[], samples: number): Promise<number> {
  const direct = await Promise.all(urls.map((url) => directList(url)));
  try {
    return Math.max(...(await aloneP50s(direct, samples)));
  } finally {
    await Promise.all(direct.map((d) => d.close()));
  }
}

/** Fails the scenario unless every upstream got exactly one list call per page. */
function checkOneListEach(perUpstream: readonly number[]): void {
  if (Math.max(...perUpstream) > 1 || Math.min(...perUpstream) < 1) {
    throw new Error(`list calls per upstream per query: ${perUpstream.join(', ')} (expected exactly 1 each)`);
  }
}

/**
 * The same page over upstreams that answer independently: each simulator behind a canned proxy that
 * replays its list's bytes after a fixed latency (bench/lib/canned-upstream.ts), so the upstreams cost
 * the machine nothing and the page's time over the slowest upstream's is the gateway's own share.
 */
async function fanOutIndependent(count: number, samples: number, latencies: readonly number[], notes: string[], shared: boolean): Promise<Figure[]> {
  const sims = await startSimulators(count);
  const canned: CannedUpstream[] = [];
  let started: { gateway: ChildGateway; client: GraphQLClient } | undefined;
  try {
    for (const sim of sims) canned.push(await startCannedUpstream(sim.url, { method: 'GET', path: '/Job' }));
    started = await startFanOutGateway(canned.map((c) => c.url), shared);
    const figures: Figure[] = [];
    for (const latency of latencies) {
      for (const c of canned) c.setLatency(latency);
      // Unrecorded pages first, the figure being the JIT-warm steady state (a jobs screen polls all day):
      // the gateway warms over tens of pages. Two left the first latency's figure at 51 ms against 30 ms
      // once warm; ten still read 38 ms at 50 upstreams answering in 5 ms, sixty 24 ms (2026-12-07).
      await timePages(started.client, shared ? 2 : 60);
      for (const c of canned) c.resetCalls();
      const times = await timePages(started.client, samples);
      checkOneListEach(canned.map((c) => c.calls() / samples));
      const slowest = await slowestAlone(canned.map((c) => c.url), samples);
      const p50 = median(times);
      notes.push(`${count} independent upstreams at ${latency} ms: page p50 ${p50.toFixed(1)} ms, slowest upstream alone ${slowest.toFixed(1)} ms`);
      figures.push(
        fig(`n${count}.independent.${latency}ms.slowestUpstream.p50`, `${count} independent upstreams answering in ${latency} ms: slowest one's own answer, p50`, slowest, 'ms'),
        fig(`n${count}.independent.${latency}ms.gateway.p50`, `${count} independent upstreams answering in ${latency} ms: unified jobs page via the gateway, p50`, p50, 'ms', {
          ratio: ratio(p50, slowest),
          against: 'slowest upstream',
          goal: count >= 50 ? '≤ 1.5×' : undefined,
        }),
      );
    }
    return figures;
  } finally {
    await started?.client.close();
    await started?.gateway.stop();
    await Promise.all(canned.map((c) => c.close()));
    await Promise.all(sims.map((s) => s.close()));
  }
}

async function fanOutOver(count: number, samples: number, notes: string[], shared: boolean): Promise<Figure[]> {
  const sims = await startSimulators(count);
  let gateway: ChildGateway | undefined;
  try {
    const started = await startFanOutGateway(sims.map((s) => s.url), shared);
    gateway = started.gateway;
    const client = started.client;
    try {
      // Unrecorded pages first, as below: the figure is the JIT-warm steady state.
      await timePages(client, shared ? 0 : 30);
      for (const sim of sims) sim.reset();

      // The gateway's page, sessions live, lists uncached.
      const times = await timePages(client, samples);
      const perUpstream = sims.map((sim) => sim.calls(LIST_ROUTE) / samples);
      const otherCalls = sims.reduce((n, sim) => n + sim.stats().total - sim.calls(LIST_ROUTE), 0);
      const maxPerUpstream = Math.max(...perUpstream);
      checkOneListEach(perUpstream);

      // The same list, sent directly: each upstream alone (its own answer time), then all at once.
      const direct = await Promise.all(sims.map((sim) => directList(sim.url)));
      try {
        const alone = await aloneP50s(direct, samples);
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
interface DirectList {
  time(): Promise<number>;
  close(): Promise<void>;
}

async function directList(url: string): Promise<DirectList> {
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
