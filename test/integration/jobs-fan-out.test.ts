import diagnosticsChannel from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { CommvaultSimulator } from '../../simulators/commvault/index.js';
import { useCommvaultFleet } from '../helpers/commvault-fleet.js';
import type { TestGateway } from '../helpers/gateway.js';

/** Each simulator answers after this long: long enough that calls made one after another could not overlap. */
const LATENCY_MS = 250;
const UPSTREAMS = 5;
const PAGE = 20;

const JOBS = /* GraphQL */ `
  query($first: Int) {
    jobs(first: $first) {
      edges { node { upstream { id } startedAt ... on CommvaultJob { jobId } } }
    }
  }
`;

interface Exchange {
  port: number;
  path: string;
  startedMs: number;
  finishedMs?: number;
}

/** Every `GET …/Job` a simulator in this process receives: when it arrived and when its answer was sent. */
function recordListCalls(ports: ReadonlySet<number>): { exchanges: Exchange[]; stop(): void } {
  const exchanges: Exchange[] = [];
  const byResponse = new WeakMap<ServerResponse, Exchange>();
  const onStart = (message: unknown): void => {
    const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
    const port = request.socket.localPort ?? -1;
    const path = (request.url ?? '').split('?', 1)[0] as string;
    if (!ports.has(port) || request.method !== 'GET' || !path.endsWith('/Job')) return;
    const exchange: Exchange = { port, path, startedMs: performance.now() };
    exchanges.push(exchange);
    byResponse.set(response, exchange);
  };
  const onFinish = (message: unknown): void => {
    const exchange = byResponse.get((message as { response: ServerResponse }).response);
    if (exchange) exchange.finishedMs = performance.now();
  };
  diagnosticsChannel.subscribe('http.server.request.start', onStart);
  diagnosticsChannel.subscribe('http.server.response.finish', onFinish);
  return {
    exchanges,
    stop() {
      diagnosticsChannel.unsubscribe('http.server.request.start', onStart);
      diagnosticsChannel.unsubscribe('http.server.response.finish', onFinish);
    },
  };
}

/** The newest jobs of one simulator's `GET /Job` (every job type), read directly: id and start (epoch s). */
async function newestJobs(sim: CommvaultSimulator, limit: number): Promise<Array<{ jobId: number; start: number }>> {
  const login = await fetch(`${sim.url}/Login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ username: 'admin', password: Buffer.from('admin').toString('base64') }),
  });
  const token = ((await login.json()) as { token: string }).token;
  const res = await fetch(`${sim.url}/Job?jobFilter=`, { headers: { accept: 'application/json', authtoken: token, limit: String(limit), offset: '0' } });
  const body = (await res.json()) as { jobs?: Array<{ jobSummary: { jobId: number; jobStartTime: number } }> };
  return (body.jobs ?? []).map(({ jobSummary: s }) => ({ jobId: s.jobId, start: s.jobStartTime }));
}

describe('the unified jobs page over several CommServes', () => {
  const fleet = useCommvaultFleet({
    count: UPSTREAMS,
    firstSeed: 100,
    simulator: { latencyMs: LATENCY_MS },
    // Every page reads its lists afresh: the calls counted are the page's own.
    cache: { ttlMs: { jobsRunning: 0, jobsFinished: 0 } },
  });
  const { sims } = fleet;

  it('asks each upstream for its list once, all at the same time, and merges the newest jobs', async () => {
    // Sessions first (a login per upstream), then the page whose calls are counted.
    expect((await fleet.gateway.query(JOBS, { first: PAGE })).body.errors).toBeUndefined();
    for (const sim of sims) sim.reset();
    const recorder = recordListCalls(new Set(sims.map((s) => s.port)));
    let result: Awaited<ReturnType<TestGateway['query']>>;
    try {
      result = await fleet.gateway.query(JOBS, { first: PAGE });
    } finally {
      recorder.stop();
    }
    expect(result.body.errors).toBeUndefined();

    // One list call per upstream and nothing else: the simulators' own counters.
    for (const sim of sims) expect(sim.stats()).toEqual({ total: 1, byRoute: { 'GET /Job': 1 } });
    // Concurrently: every call had arrived before the first answer left (one after another, each would
    // arrive only after the previous one's LATENCY_MS answer).
    const { exchanges } = recorder;
    expect(exchanges).toHaveLength(UPSTREAMS);
    expect(new Set(exchanges.map((e) => e.port)).size).toBe(UPSTREAMS);
    const lastArrival = Math.max(...exchanges.map((e) => e.startedMs));
    const firstAnswer = Math.min(...exchanges.map((e) => e.finishedMs ?? Number.POSITIVE_INFINITY));
    expect(lastArrival).toBeLessThan(firstAnswer);

    // The page is the newest PAGE jobs of all five, read from each simulator directly (newest start first,
    // then upstream id, then job id: docs/schema.md, "The unified jobs list").
    const all = (await Promise.all(sims.map(async (sim, i) => (await newestJobs(sim, PAGE)).map((j) => ({ ...j, upstream: `cv-${i + 1}` }))))).flat();
    all.sort((a, b) => b.start - a.start || (a.upstream < b.upstream ? -1 : a.upstream > b.upstream ? 1 : 0) || b.jobId - a.jobId);
    const expected = all.slice(0, PAGE).map((j) => `${j.upstream}/${j.jobId}`);
    const edges = (result.body.data as { jobs: { edges: Array<{ node: { upstream: { id: string }; jobId: number } }> } }).jobs.edges;
    expect(edges.map((e) => `${e.node.upstream.id}/${e.node.jobId}`)).toEqual(expected);
  });
});
