import { startChildGateway } from '../lib/child-gateway.js';
import { DASHBOARD_JOBS } from '../lib/documents.js';
import { fig, type Figure, type RunOptions, type Scenario } from '../lib/figures.js';
import { benchConfig } from '../lib/gateway-config.js';
import { GRAPHQL_HEADERS, GraphQLClient } from '../lib/graphql-client.js';
import { interleaved } from '../lib/interleaved.js';
import { closedLoop, tickFor } from '../lib/load.js';
import { startOtlpSink } from '../lib/otlp-sink.js';
import { rawHttpProbe } from '../lib/raw-http-probe.js';
import { startSimulator } from '../lib/simulator.js';
import { ratio, summarize } from '../lib/stats.js';
import { HOT_TTL } from './warm.js';

const VARIABLES = { first: 100 };

/**
 * What tracing costs on the warm dashboard page: the same gateway with tracing off (the default) and
 * on at sample ratio 1 (every request recorded, its spans batched to an OTLP/HTTP collector stand-in),
 * timed at concurrency 1 in alternating blocks so both share the machine's good and bad moments, then
 * requests/s at 10 concurrent clients, off and on in alternation.
 */
export const tracing: Scenario = {
  name: 'tracing',
  title: 'Warm dashboard page with tracing off and on (sample ratio 1)',
  async run(options: RunOptions, notes: string[]): Promise<Figure[]> {
    const seconds = options.smoke ? 0.5 : options.quick ? 1 : 10;
    const warmupSeconds = options.smoke ? 0.25 : options.quick ? 0.5 : 1;
    const sim = await startSimulator();
    const sink = await startOtlpSink();
    const [off, on] = await Promise.all([
      startChildGateway(benchConfig({ simulatorUrl: sim.url, ttlMs: HOT_TTL }), { shared: options.smoke }),
      startChildGateway(benchConfig({ simulatorUrl: sim.url, ttlMs: HOT_TTL, traces: { endpoint: sink.url, sampleRatio: 1 } }), { shared: options.smoke }),
    ]);
    let stopped = false;
    try {
      const answers: string[] = [];
      for (const gateway of [off, on]) {
        const client = new GraphQLClient(gateway.url, 1);
        const primed = await client.query(DASHBOARD_JOBS, VARIABLES);
        await client.close();
        if (primed.body.errors?.length) throw new Error(`prime failed: ${JSON.stringify(primed.body.errors)}`);
        answers.push(JSON.stringify(primed.body));
      }
      if (answers[0] !== answers[1]) throw new Error('the traced gateway answered differently');

      const body = GraphQLClient.body(DASHBOARD_JOBS, VARIABLES);
      const viaOff = await rawHttpProbe(off.url, body, GRAPHQL_HEADERS);
      const viaOn = await rawHttpProbe(on.url, body, GRAPHQL_HEADERS);
      const probes = { off: viaOff.probe, on: viaOn.probe };
      let timed: Record<string, number[]>;
      try {
        await interleaved(probes, warmupSeconds * 1000);
        timed = await interleaved(probes, seconds * 1000);
      } finally {
        viaOff.close();
        viaOn.close();
      }
      const [offLatency, onLatency] = [summarize(timed.off ?? []), summarize(timed.on ?? [])];

      // Throughput at 10 concurrent: off, on, on, off in halves, so a slow stretch weighs on both.
      const rps = { off: [] as number[], on: [] as number[] };
      for (const which of ['off', 'on', 'on', 'off'] as const) {
        const url = `${(which === 'off' ? off : on).url}/graphql`;
        const load = await closedLoop({ url, connections: 10, durationSeconds: seconds / 2, body, headers: GRAPHQL_HEADERS, ...tickFor(options) });
        if (load.non2xx > 0 || load.errors > 0) throw new Error(`load on the ${which} gateway: ${load.non2xx} non-2xx, ${load.errors} errors`);
        rps[which].push(load.requestsPerSecond);
      }
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      const [offRps, onRps] = [mean(rps.off), mean(rps.on)];

      // A graceful stop flushes the batch processor: every span recorded is then at the sink.
      await on.stop();
      stopped = true;
      // Each traced request has one root span (the operation's): the sink counts requests exactly.
      const { spans, roots, exports } = sink.counts();
      notes.push(
        `both gateways in their own processes with a hot cache (TTLs 10 min); tracing on = telemetry.traces with sampleRatio 1, ` +
          `BatchSpanProcessor defaults, OTLP/HTTP JSON to a loopback stand-in collector that answers 200 (in the bench process); ` +
          `latency: raw keep-alive probes in alternating 250 ms blocks for ${seconds} s (${offLatency.count} / ${onLatency.count} samples); ` +
          `requests/s: autocannon, 10 connections, ${seconds / 2} s per run in the order off, on, on, off; ` +
          `${spans} spans in ${exports} exports for ${roots} traced requests (the warm page: operation, execute and two cache-hit upstream calls; ` +
          `Apollo's document cache spares parse and validate)`,
      );
      return [
        fig('off.p50', 'p50, tracing off', offLatency.p50, 'ms'),
        fig('on.p50', 'p50, tracing on (ratio 1)', onLatency.p50, 'ms', { ratio: ratio(onLatency.p50, offLatency.p50), against: 'p50 off' }),
        fig('on.p50.delta', '… p50 on minus off', onLatency.p50 - offLatency.p50, 'ms'),
        fig('off.p99', 'p99, tracing off', offLatency.p99, 'ms'),
        fig('on.p99', 'p99, tracing on (ratio 1)', onLatency.p99, 'ms', { ratio: ratio(onLatency.p99, offLatency.p99), against: 'p99 off' }),
        fig('off.rps', 'requests/s at 10 concurrent, tracing off', offRps, 'req/s'),
        fig('on.rps', 'requests/s at 10 concurrent, tracing on', onRps, 'req/s', { ratio: ratio(onRps, offRps), against: 'req/s off' }),
        fig('spansPerRequest', 'spans exported per traced request', spans / Math.max(1, roots), 'spans'),
      ];
    } finally {
      if (!stopped) await on.stop();
      await off.stop();
      await sink.close();
      await sim.close();
    }
  },
};
