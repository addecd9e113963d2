import type { BackupDrSimulator } from './backupdr-bench.js';
import { ConsoleReplay } from './console-replay.js';
import { withoutTotalCount } from './console-documents.js';
import type { DirectBackupDr } from './direct-backupdr.js';
import { GRAPHQL_HEADERS, GraphQLClient, type GraphQLAnswer } from './graphql-client.js';
import { closedLoop, type LoadResult } from './load.js';
import type { RecordedRequest, RequestRecorder } from './request-recorder.js';
import { median, nowMs } from './stats.js';

/** One console page of scenario 6: its document (selecting `totalCount`), variables and replay stages. */
export interface ConsolePage {
  key: string;
  document: string;
  variables: Record<string, unknown>;
  /** Console paths per round trip of the direct replay (see ConsoleReplay). */
  stages: readonly (readonly string[])[];
  /** Edges a correct answer holds at least (a filter that matches less would measure a smaller page). */
  minEdges: number;
}

export interface ColdFigures {
  /** The page's first query on this gateway (session and OPTIONS checks as they fall). */
  first: { calls: number; ms: number; byRoute: Record<string, number> };
  /** Median ms and calls per query, session live, data uncached; `total` selects totalCount, `bare` not. */
  total: { ms: number; calls: number; direct: number; directFirst: number; byRoute: Record<string, number> };
  bare: { ms: number; calls: number; direct: number; byRoute: Record<string, number> };
}

export interface Harness {
  sim: BackupDrSimulator;
  recorder: RequestRecorder;
  direct: DirectBackupDr;
  basePath: string;
}

/**
 * Cold figures of one page on a gateway whose data TTLs are 0: its first query, then `samples` queries
 * with and without `totalCount` (alternating, so drift hits both alike), then the minimum possible —
 * the last cold query's own calls replayed directly — with and without, and with a fresh login.
 */
export async function measureCold(h: Harness, client: GraphQLClient, page: ConsolePage, samples: number): Promise<ColdFigures> {
  const docs = { total: page.document, bare: withoutTotalCount(page.document) };
  h.sim.reset();
  h.recorder.take();
  const first = await checked(client.query(docs.total, page.variables), page);
  const firstCalls = h.sim.stats();

  // Two unrecorded rounds first (also for the replays below): JIT warm-up, not the cache.
  for (let i = 0; i < 2; i += 1) for (const d of Object.values(docs)) await checked(client.query(d, page.variables), page);
  const ms = { total: [] as number[], bare: [] as number[] };
  const calls = { total: 0, bare: 0 };
  const byRoute: Record<'total' | 'bare', Record<string, number>> = { total: {}, bare: {} };
  const recorded: Record<'total' | 'bare', RecordedRequest[]> = { total: [], bare: [] };
  for (let i = 0; i < samples; i += 1) {
    for (const v of ['total', 'bare'] as const) {
      h.sim.reset();
      h.recorder.take();
      const answer = await checked(client.query(docs[v], page.variables), page);
      ms[v].push(answer.ms);
      const stats = h.sim.stats();
      calls[v] = Math.max(calls[v], stats.total);
      byRoute[v] = stats.byRoute;
      recorded[v] = h.recorder.take();
    }
  }

  const replays = { total: new ConsoleReplay(h.direct, h.basePath, recorded.total, page.stages), bare: new ConsoleReplay(h.direct, h.basePath, recorded.bare, page.stages) };
  for (let i = 0; i < 2; i += 1) await replays.total.run(true);
  const direct = { total: [] as number[], bare: [] as number[], first: [] as number[] };
  for (let i = 0; i < samples; i += 1) {
    direct.first.push(await replays.total.run(true));
    direct.total.push(await replays.total.run(false));
    direct.bare.push(await replays.bare.run(false));
  }
  return {
    first: { calls: firstCalls.total, ms: first.ms, byRoute: firstCalls.byRoute },
    total: { ms: median(ms.total), calls: calls.total, direct: median(direct.total), directFirst: median(direct.first), byRoute: byRoute.total },
    bare: { ms: median(ms.bare), calls: calls.bare, direct: median(direct.bare), byRoute: byRoute.bare },
  };
}

/** Closed-loop load on a hot gateway at 1 and 10 clients; upstream calls counted after priming. */
export async function measureWarm(
  sim: BackupDrSimulator,
  gatewayUrl: string,
  page: ConsolePage,
  o: { seconds: number; warmupSeconds: number; sampleIntervalMs?: number },
): Promise<{ loads: LoadResult[]; upstreamCalls: number }> {
  const client = new GraphQLClient(gatewayUrl, 1);
  try {
    await checked(client.query(page.document, page.variables), page);
  } finally {
    await client.close();
  }
  sim.reset();
  const body = GraphQLClient.body(page.document, page.variables);
  const url = `${gatewayUrl}/graphql`;
  // A short unrecorded run first (JIT warm-up), with undici rather than autocannon: an autocannon run
  // ends on its one-second tick whatever its duration, which quick mode cannot spare.
  await warmUp(gatewayUrl, body, 10, o.warmupSeconds);
  const loads: LoadResult[] = [];
  for (const connections of [1, 10]) loads.push(await closedLoop({ url, connections, durationSeconds: o.seconds, body, headers: GRAPHQL_HEADERS, sampleIntervalMs: o.sampleIntervalMs }));
  return { loads, upstreamCalls: sim.stats().total };
}

/** The answer, or a throw when it has errors or fewer edges than the page must hold. */
async function checked(pending: Promise<GraphQLAnswer>, page: ConsolePage): Promise<GraphQLAnswer> {
  const answer = await pending;
  const connection = Object.values((answer.body.data as { backupDr?: Record<string, { edges?: unknown[] }> } | undefined)?.backupDr ?? {})[0];
  if (answer.body.errors?.length || (connection?.edges?.length ?? 0) < page.minEdges) {
    throw new Error(`${page.key} query failed: ${JSON.stringify(answer.body).slice(0, 300)}`);
  }
  return answer;
}

/** `connections` clients sending `body` back to back for about `seconds`. */
async function warmUp(gatewayUrl: string, body: string, connections: number, seconds: number): Promise<void> {
  const client = new GraphQLClient(gatewayUrl, connections);
  const end = nowMs() + seconds * 1000;
  try {
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (nowMs() < end) await client.post(body);
      }),
    );
  } finally {
    await client.close();
  }
}
