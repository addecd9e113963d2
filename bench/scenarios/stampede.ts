import { startChildGateway, type ChildGateway } from '../lib/child-gateway.js';
import { DASHBOARD_JOBS } from '../lib/documents.js';
import { fig, type Figure, type RunOptions, type Scenario } from '../lib/figures.js';
import { benchConfig } from '../lib/gateway-config.js';
import { errorCode, GraphQLClient } from '../lib/graphql-client.js';
import { startSimulator, type CommvaultSimulator } from '../lib/simulator.js';
import { ratio, summarize } from '../lib/stats.js';

const CONCURRENT = 200;
const VARIABLES = { first: 100 };

/**
 * Scenario 3 — 200 identical dashboard queries at once against a fresh gateway (no session, empty
 * cache): coalescing and the shared login must make them cost the upstream what one query costs.
 */
export const stampede: Scenario = {
  name: 'stampede',
  title: '200 concurrent identical cold queries',
  async run(options: RunOptions, notes: string[]): Promise<Figure[]> {
    const sim = await startSimulator();
    try {
      // Both fresh gateways start together (a process start is seconds of CPU); the idle one calls no upstream.
      const fresh = () => startChildGateway(benchConfig({ simulatorUrl: sim.url }), { shared: options.smoke });
      const [forOne, forMany] = await Promise.all([fresh(), fresh()]);
      const one = await coldBurst(sim, forOne, 1).catch(async (e: unknown) => {
        await forMany.stop();
        throw e;
      });
      const many = await coldBurst(sim, forMany, CONCURRENT);
      notes.push(
        `each burst on a fresh gateway process (no session, empty cache), ${CONCURRENT} keep-alive connections opened before the burst; ` +
          `calls of one query: ${JSON.stringify(one.byRoute)}; of the burst: ${JSON.stringify(many.byRoute)}; failed answers in the burst: ${many.failed}`,
      );
      return [
        fig('calls.one', 'upstream calls, one cold query', one.calls, 'calls'),
        fig('calls.burst', `upstream calls, ${CONCURRENT} cold queries at once`, many.calls, 'calls', {
          ratio: ratio(many.calls, one.calls),
          against: 'one query',
          goal: 'same as one',
        }),
        fig('failed', 'queries answered with errors', many.failed, 'queries'),
        fig('latency.one', 'one cold query', one.latency.p50, 'ms'),
        fig('latency.p50', `burst p50`, many.latency.p50, 'ms', { ratio: ratio(many.latency.p50, one.latency.p50), against: 'one cold query' }),
        fig('latency.max', 'burst, last answer', many.latency.max, 'ms', { ratio: ratio(many.latency.max, one.latency.p50), against: 'one cold query' }),
      ];
    } finally {
      await sim.close();
    }
  },
};

async function coldBurst(sim: CommvaultSimulator, gateway: ChildGateway, n: number) {
  const client = new GraphQLClient(gateway.url, n);
  try {
    // Open the sockets first (a GET that reaches no upstream), so the burst measures the gateway, not TCP connects.
    await Promise.all(Array.from({ length: n }, () => fetchHealth(gateway.url)));
    sim.reset();
    const answers = await Promise.all(Array.from({ length: n }, () => client.query(DASHBOARD_JOBS, VARIABLES)));
    const stats = sim.stats();
    return {
      calls: stats.total,
      byRoute: stats.byRoute,
      failed: answers.filter((a) => errorCode(a) !== undefined).length,
      latency: summarize(answers.map((a) => a.ms)),
    };
  } finally {
    await client.close();
    await gateway.stop();
  }
}

async function fetchHealth(url: string): Promise<void> {
  const res = await fetch(`${url}/healthz`);
  await res.arrayBuffer();
}
