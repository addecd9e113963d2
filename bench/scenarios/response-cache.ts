import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChildGateway } from '../lib/child-gateway.js';
import { DASHBOARD_JOBS } from '../lib/documents.js';
import { fig, type Figure, type RunOptions, type Scenario } from '../lib/figures.js';
import { benchConfig } from '../lib/gateway-config.js';
import { GRAPHQL_HEADERS, GraphQLClient } from '../lib/graphql-client.js';
import { interleaved } from '../lib/interleaved.js';
import { closedLoop, tickFor, type LoadResult } from '../lib/load.js';
import { rawHttpProbe } from '../lib/raw-http-probe.js';
import { startSimulator } from '../lib/simulator.js';
import { ratio, summarize } from '../lib/stats.js';
import { startTsxChild } from '../lib/tsx-child.js';
import { HOT_TTL } from './warm.js';

const VARIABLES = { first: 100 };
const STATIC_ENTRY = fileURLToPath(new URL('../lib/static-http-process.ts', import.meta.url));
const CONNECTIONS = 20;

/**
 * The warm repeated query (the dashboard's 100-job page, hot entry cache) three ways, in the same run:
 * a gateway with the response cache on, the same gateway with it off (entry cache only), and the HTTP
 * floor — fastify answering the same bytes. Throughput at 20 connections (autocannon, each target in turn
 * for the same duration, then the order reversed, so a slow stretch of the shared machine is spread over
 * all three) and p50 at concurrency 1 (raw keep-alive probes in alternating quarter-second blocks).
 */
export const responseCache: Scenario = {
  name: 'response-cache',
  title: 'Warm repeated query: response cache on, off, and the HTTP floor',
  async run(options: RunOptions, notes: string[]): Promise<Figure[]> {
    const seconds = options.smoke ? 0.5 : options.quick ? 1 : 10;
    const warmupSeconds = options.smoke ? 0.25 : options.quick ? 0.5 : 1;
    const sim = await startSimulator();
    const tmp = mkdtempSync(join(tmpdir(), 'bench-respcache-'));
    const bodyFile = join(tmp, 'answer.json');
    const [cached, uncached, floor] = await Promise.all([
      startChildGateway(benchConfig({ simulatorUrl: sim.url, ttlMs: HOT_TTL, responseCache: true }), { shared: options.smoke }),
      startChildGateway(benchConfig({ simulatorUrl: sim.url, ttlMs: HOT_TTL, responseCache: false }), { shared: options.smoke }),
      startTsxChild<{ type: 'ready'; url: string }>(STATIC_ENTRY, { BENCH_STATIC_BODY: bodyFile }),
    ]);
    try {
      const answers: string[] = [];
      for (const g of [cached, uncached, cached]) {
        const client = new GraphQLClient(g.url, 1);
        const primed = await client.query(DASHBOARD_JOBS, VARIABLES);
        await client.close();
        if (primed.body.errors?.length) throw new Error(`prime failed: ${JSON.stringify(primed.body.errors)}`);
        answers.push(JSON.stringify(primed.body));
      }
      if (new Set(answers).size !== 1) throw new Error('the gateways answered differently (response cache on / off / stored)');
      writeFileSync(bodyFile, answers[0] as string);
      sim.reset();

      const body = GraphQLClient.body(DASHBOARD_JOBS, VARIABLES);
      const targets = { cached: `${cached.url}/graphql`, uncached: `${uncached.url}/graphql`, http: `${floor.ready.url}/graphql` };
      for (const url of Object.values(targets)) await closedLoop({ url, connections: 10, durationSeconds: warmupSeconds, body, headers: GRAPHQL_HEADERS, ...tickFor(options) });

      // 20 connections: each target in turn, then again in reverse order; requests/s summed over both.
      const runs: Record<string, LoadResult[]> = { cached: [], uncached: [], http: [] };
      const order = Object.keys(targets) as (keyof typeof targets)[];
      for (const name of [...order, ...[...order].reverse()]) {
        runs[name]!.push(await closedLoop({ url: targets[name], connections: CONNECTIONS, durationSeconds: seconds / 2, body, headers: GRAPHQL_HEADERS, ...tickFor(options) }));
      }
      const rps = (name: string) => runs[name]!.reduce((sum, r) => sum + r.requestsPerSecond, 0) / runs[name]!.length;
      const failed = Object.values(runs).flat().reduce((n, r) => n + r.non2xx + r.errors, 0);

      // Concurrency 1: alternating blocks over one raw keep-alive socket each.
      const probes = await Promise.all(Object.values(targets).map((url) => rawHttpProbe(url.replace(/\/graphql$/, ''), body, GRAPHQL_HEADERS)));
      let timed: Record<string, number[]>;
      try {
        const [c, u, h] = probes as [(typeof probes)[0], (typeof probes)[0], (typeof probes)[0]];
        const named = { cached: c.probe, uncached: u.probe, http: h.probe };
        await interleaved(named, warmupSeconds * 1000);
        timed = await interleaved(named, seconds * 1000);
      } finally {
        for (const p of probes) p.close();
      }
      const upstreamCalls = sim.stats().total;
      const [c1Cached, c1Uncached, c1Http] = [summarize(timed.cached ?? []), summarize(timed.uncached ?? []), summarize(timed.http ?? [])];

      notes.push(
        `answer ${answers[0]!.length} bytes, byte-identical from both gateways and from the stored answer; ${CONNECTIONS} connections: ` +
          `each target ${seconds / 2} s, in the order cached, uncached, HTTP floor, then reversed (requests/s averaged); concurrency 1: ` +
          `raw keep-alive probes in alternating 250 ms blocks for ${seconds} s (${c1Cached.count} / ${c1Uncached.count} / ${c1Http.count} samples); ` +
          `upstream calls during the runs: ${upstreamCalls}; non-2xx/errors: ${failed}`,
      );
      return [
        fig(`c${CONNECTIONS}.rps.http`, `HTTP floor (fastify, same bytes), requests/s at ${CONNECTIONS}`, rps('http'), 'req/s'),
        fig(`c${CONNECTIONS}.rps.cached`, `response cache on, requests/s at ${CONNECTIONS}`, rps('cached'), 'req/s', {
          ratio: ratio(rps('cached'), rps('http')),
          against: 'HTTP floor',
          goal: '≥ 0.65×',
        }),
        fig(`c${CONNECTIONS}.rps.uncached`, `response cache off (entry cache only), requests/s at ${CONNECTIONS}`, rps('uncached'), 'req/s', {
          ratio: ratio(rps('uncached'), rps('http')),
          against: 'HTTP floor',
        }),
        fig(`c${CONNECTIONS}.rps.gain`, 'response cache on ÷ off, requests/s', ratio(rps('cached'), rps('uncached')), '×'),
        fig('c1.p50.http', 'HTTP floor p50, concurrency 1', c1Http.p50, 'ms'),
        fig('c1.p50.cached', 'response cache on, p50 at concurrency 1', c1Cached.p50, 'ms', { ratio: ratio(c1Cached.p50, c1Http.p50), against: 'HTTP floor', goal: '≤ 2×' }),
        fig('c1.p50.uncached', 'response cache off, p50 at concurrency 1', c1Uncached.p50, 'ms', { ratio: ratio(c1Uncached.p50, c1Http.p50), against: 'HTTP floor' }),
        fig('upstreamCalls', 'upstream calls during the runs', upstreamCalls, 'calls'),
      ];
    } finally {
      await floor.stop();
      await uncached.stop();
      await cached.stop();
      await sim.close();
      rmSync(tmp, { recursive: true, force: true });
    }
  },
};
