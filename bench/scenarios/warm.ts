import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChildGateway } from '../lib/child-gateway.js';
import { DASHBOARD_JOBS } from '../lib/documents.js';
import { fig, type Figure, type RunOptions, type Scenario } from '../lib/figures.js';
import { benchConfig } from '../lib/gateway-config.js';
import { GRAPHQL_HEADERS, GraphQLClient } from '../lib/graphql-client.js';
import { closedLoop, tickFor, type LoadResult } from '../lib/load.js';
import { startSimulator } from '../lib/simulator.js';
import { interleaved } from '../lib/interleaved.js';
import { rawHttpProbe } from '../lib/raw-http-probe.js';
import { staticExecutor } from '../lib/static-graphql.js';
import { ratio, summarize } from '../lib/stats.js';
import { startTsxChild } from '../lib/tsx-child.js';

const VARIABLES = { first: 100 };
/** Long TTLs: the run measures a hot cache, not the 5 s refresh of running-job lists. */
export const HOT_TTL = { jobsRunning: 600_000, jobsFinished: 600_000, inventory: 600_000, capacity: 600_000, events: 600_000 };
const STATIC_ENTRY = fileURLToPath(new URL('../lib/static-http-process.ts', import.meta.url));

/**
 * Scenario 2 — the dashboard query with a hot cache: p50/p99 and requests/s at 1, 10 and 50
 * concurrent clients (autocannon), and the gateway's own overhead at concurrency 1: its p50 against
 * graphql-js executing the document on a static object, and fastify answering the same bytes (the
 * HTTP floor), all three timed in alternating blocks so they share the machine's good and bad moments.
 */
export const warm: Scenario = {
  name: 'warm',
  title: 'Dashboard page with a hot cache: latency, throughput, overhead',
  async run(options: RunOptions, notes: string[]): Promise<Figure[]> {
    const seconds = options.smoke ? 0.5 : options.quick ? 1 : 10;
    const warmupSeconds = options.smoke ? 0.25 : options.quick ? 0.5 : 1;
    const sim = await startSimulator();
    const tmp = mkdtempSync(join(tmpdir(), 'bench-warm-'));
    const bodyFile = join(tmp, 'answer.json');
    // All three processes start together, before anything is measured: a process start is seconds of CPU.
    // Quick mode leaves out the graphql-js-executor gateway: one process start less keeps it under a minute.
    const [gateway, gatewayJs, floor] = await Promise.all([
      startChildGateway(benchConfig({ simulatorUrl: sim.url, ttlMs: HOT_TTL }), { shared: options.smoke }),
      options.quick ? undefined : startChildGateway(benchConfig({ simulatorUrl: sim.url, ttlMs: HOT_TTL, executor: 'graphql-js' })),
      startTsxChild<{ type: 'ready'; url: string }>(STATIC_ENTRY, { BENCH_STATIC_BODY: bodyFile }),
    ]);
    try {
      const client = new GraphQLClient(gateway.url, 1);
      const primed = await client.query(DASHBOARD_JOBS, VARIABLES);
      await client.close();
      if (primed.body.errors?.length) throw new Error(`prime failed: ${JSON.stringify(primed.body.errors)}`);
      const answer = JSON.stringify(primed.body);
      sim.reset();

      const body = GraphQLClient.body(DASHBOARD_JOBS, VARIABLES);
      const url = `${gateway.url}/graphql`;
      // A short unrecorded run first: JIT warm-up of the gateway and the load generator.
      await closedLoop({ url, connections: 10, durationSeconds: warmupSeconds, body, headers: GRAPHQL_HEADERS, ...tickFor(options) });
      const loads: LoadResult[] = [];
      for (const connections of [1, 10, 50]) {
        loads.push(await closedLoop({ url, connections, durationSeconds: seconds, body, headers: GRAPHQL_HEADERS, ...tickFor(options) }));
      }
      const upstreamCalls = sim.stats().total;

      // The overhead: the gateway, the same gateway executing with graphql-js instead of graphql-jit, fastify
      // answering the same bytes (HTTP floor) and graphql-js executing the document on a static object
      // (GraphQL floor), timed in alternating blocks (see interleaved.ts).
      if (gatewayJs) {
        const primeJs = new GraphQLClient(gatewayJs.url, 1);
        const primedJs = await primeJs.query(DASHBOARD_JOBS, VARIABLES);
        await primeJs.close();
        if (JSON.stringify(primedJs.body) !== answer) throw new Error('the graphql-js executor answered differently from graphql-jit');
        // The same unrecorded warm-up the first gateway had before its runs.
        await closedLoop({ url: `${gatewayJs.url}/graphql`, connections: 10, durationSeconds: warmupSeconds, body, headers: GRAPHQL_HEADERS });
      }
      writeFileSync(bodyFile, answer);
      const data = (primed.body as { data: unknown }).data;
      const exec = await staticExecutor(DASHBOARD_JOBS, data, (path) => (path.at(-1) === 'node' ? 'CommvaultJob' : undefined));
      const viaGateway = await rawHttpProbe(gateway.url, body, GRAPHQL_HEADERS);
      const viaGatewayJs = gatewayJs && (await rawHttpProbe(gatewayJs.url, body, GRAPHQL_HEADERS));
      const viaFloor = await rawHttpProbe(floor.ready.url, body, GRAPHQL_HEADERS);
      const probes = {
        gateway: viaGateway.probe,
        ...(viaGatewayJs ? { gatewayJs: viaGatewayJs.probe } : {}),
        http: viaFloor.probe,
        graphql: () => exec.run(VARIABLES),
      };
      let timed: Record<string, number[]>;
      try {
        await interleaved(probes, warmupSeconds * 1000);
        timed = await interleaved(probes, seconds * 1000);
      } finally {
        viaGateway.close();
        viaGatewayJs?.close();
        viaFloor.close();
      }
      const [gw, gwJs, http, gql] = [summarize(timed.gateway), summarize(timed.gatewayJs ?? []), summarize(timed.http), summarize(timed.graphql)];

      const [c1, c10, c50] = loads;
      notes.push(
        `${seconds} s per level (autocannon, closed loop, keep-alive); answer ${answer.length} bytes; upstream calls during the warm runs: ${upstreamCalls}; ` +
          `TTLs raised to 10 min so the cache stays hot; non-2xx/errors: ${loads.map((l) => `${l.non2xx}/${l.errors}`).join(', ')}; ` +
          `overhead: gateway (graphql-jit executor), gateway with the graphql-js executor, HTTP floor and graphql-js floor timed in alternating 250 ms blocks ` +
          `(first 2 samples of each dropped) for ${seconds} s (${gw.count} / ${gwJs.count} / ${http.count} / ${gql.count} samples); ` +
          (gatewayJs ? `both gateways' answers byte-identical; ` : 'quick mode: no graphql-js-executor gateway; ') +
          `graphql-js floor = execute + JSON.stringify of a parsed document (no parse/validate, which Apollo caches)`,
      );
      const overhead = gw.p50 - gql.p50;
      return [
        ...loads.flatMap((l) => [
          fig(`c${l.connections}.p50`, `p50, ${l.connections} concurrent`, l.latency.p50, 'ms', { ratio: ratio(l.latency.p50, c1.latency.p50), against: 'p50 at 1' }),
          fig(`c${l.connections}.p99`, `p99, ${l.connections} concurrent`, l.latency.p99, 'ms', { ratio: ratio(l.latency.p99, l.latency.p50), against: 'own p50' }),
          fig(`c${l.connections}.rps`, `requests/s, ${l.connections} concurrent`, l.requestsPerSecond, 'req/s', {
            ratio: ratio(l.requestsPerSecond, c1.requestsPerSecond),
            against: 'req/s at 1',
          }),
        ]),
        fig('upstreamCalls', 'upstream calls during the warm runs', upstreamCalls, 'calls'),
        fig('overhead.gateway.p50', 'gateway p50, interleaved with the floors', gw.p50, 'ms', { ratio: ratio(gw.p50, c1.latency.p50), against: 'p50 at 1 (autocannon)' }),
        ...(gatewayJs
          ? [fig('overhead.gatewayJs.p50', 'gateway p50 with the graphql-js executor', gwJs.p50, 'ms', { ratio: ratio(gwJs.p50, gw.p50), against: 'gateway p50 (graphql-jit)' })]
          : []),
        fig('floor.graphql.p50', 'graphql-js execute on static object (p50)', gql.p50, 'ms', { ratio: ratio(gql.p50, gw.p50), against: 'gateway p50' }),
        fig('floor.http.p50', 'fastify static JSON, same bytes (p50)', http.p50, 'ms', { ratio: ratio(http.p50, gw.p50), against: 'gateway p50' }),
        fig('overhead.total', 'gateway p50 minus graphql-js p50', overhead, 'ms', { ratio: ratio(gw.p50, gql.p50), against: 'graphql-js p50', goal: '≤ 1 ms' }),
        ...(gatewayJs
          ? [fig('overhead.totalGraphqlJs', '… the same with the graphql-js executor', gwJs.p50 - gql.p50, 'ms', { ratio: ratio(gwJs.p50, gql.p50), against: 'graphql-js p50' })]
          : []),
        fig('overhead.http', '… of which HTTP (static fastify p50)', http.p50, 'ms', { ratio: ratio(http.p50, overhead), against: 'overhead' }),
        fig('overhead.gateway', '… of which Apollo + gateway (rest)', overhead - http.p50, 'ms', {
          ratio: ratio(overhead - http.p50, overhead),
          against: 'overhead',
        }),
      ];
    } finally {
      await floor.stop();
      await gatewayJs?.stop();
      await gateway.stop();
      await sim.close();
      rmSync(tmp, { recursive: true, force: true });
    }
  },
};
