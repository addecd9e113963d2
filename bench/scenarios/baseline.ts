import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { startChildGateway, type ChildGateway } from '../lib/child-gateway.js';
import { fig, type Figure, type RunOptions, type Scenario } from '../lib/figures.js';
import { benchConfig } from '../lib/gateway-config.js';
import { GRAPHQL_HEADERS, GraphQLClient } from '../lib/graphql-client.js';
import { closedLoop, tickFor } from '../lib/load.js';
import { processCpuMs } from '../lib/process-cpu.js';
import { startSimulator } from '../lib/simulator.js';
import { ratio } from '../lib/stats.js';
import { HOT_TTL } from './warm.js';

/** The query for the entry cache's goal: a hundred jobs, each with its client's host name. */
export const JOBS_WITH_HOSTS = '{ jobs(first: 100) { edges { node { id ... on CommvaultJob { client { hostName } } } } } }';
const CONNECTIONS = 20;

/** Checkouts to compare with: `BENCH_BASELINE_CHECKOUTS=/path/a,/path/b` (each with `npm ci` done). */
function baselineCheckouts(): string[] {
  return (process.env.BENCH_BASELINE_CHECKOUTS ?? '')
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean)
    .map((d) => resolve(d));
}

/**
 * The warm page with the entry cache only (response cache off), this gateway against earlier checkouts
 * of the repository, each gateway in its own process, in the same run: a goal stated against an earlier
 * commit ("2× today's") is only read beside it, on the same machine at the same moment. Blocks of
 * `seconds` at 20 connections go to each gateway in turn, the order reversed every round; requests/s
 * and CPU per request (the process's, from /proc) are summed over the rounds. Without baselines it
 * measures this gateway alone.
 */
export const baseline: Scenario = {
  name: 'baseline',
  title: 'Warm page, entry cache only, beside earlier checkouts (BENCH_BASELINE_CHECKOUTS)',
  async run(options: RunOptions, notes: string[]): Promise<Figure[]> {
    const seconds = options.smoke ? 0.25 : options.quick ? 1 : 5;
    const rounds = options.smoke ? 1 : 4;
    const warmupSeconds = options.smoke ? 0.25 : options.quick ? 1 : 4;
    const checkouts = baselineCheckouts();
    for (const dir of checkouts) if (!existsSync(join(dir, 'bench/lib/gateway-process.ts'))) throw new Error(`${dir}: not a checkout of this repository`);
    const sim = await startSimulator();
    const gateways: Array<{ name: string; gateway: ChildGateway; requests: number; seconds: number; cpuMs: number }> = [];
    try {
      for (const dir of [undefined, ...checkouts]) {
        // A checkout older than the response cache does not know its key, and has no response cache to turn off.
        const knowsResponseCache = dir === undefined || readFileSync(join(dir, 'src/config/schema.ts'), 'utf8').includes('responseCache');
        const config = benchConfig({ simulatorUrl: sim.url, ttlMs: HOT_TTL, ...(knowsResponseCache ? { responseCache: false } : {}) });
        const gateway = await startChildGateway(config, { shared: options.smoke, ...(dir ? { checkout: dir } : {}) });
        gateways.push({ name: dir ? basename(dir) : 'this checkout', gateway, requests: 0, seconds: 0, cpuMs: 0 });
      }
      const answers = new Set<string>();
      for (const { gateway, name } of gateways) {
        const client = new GraphQLClient(gateway.url, 1);
        const primed = await client.query(JOBS_WITH_HOSTS, {});
        await client.close();
        if (primed.body.errors?.length) throw new Error(`${name}: ${JSON.stringify(primed.body.errors)}`);
        answers.add(JSON.stringify(primed.body));
      }
      if (answers.size !== 1) throw new Error('the checkouts answered the query differently');

      const body = GraphQLClient.body(JOBS_WITH_HOSTS, {});
      const block = (g: (typeof gateways)[number], durationSeconds: number) =>
        closedLoop({ url: `${g.gateway.url}/graphql`, connections: CONNECTIONS, durationSeconds, body, headers: GRAPHQL_HEADERS, ...tickFor(options) });
      for (const g of gateways) await block(g, warmupSeconds);
      let failed = 0;
      for (let round = 0; round < rounds; round++) {
        for (const g of round % 2 === 0 ? gateways : [...gateways].reverse()) {
          const cpuBefore = processCpuMs(g.gateway.pid);
          const run = await block(g, seconds);
          g.cpuMs += processCpuMs(g.gateway.pid) - cpuBefore;
          g.requests += run.requestsPerSecond * seconds;
          g.seconds += seconds;
          failed += run.non2xx + run.errors;
        }
      }
      const rps = (g: (typeof gateways)[number]) => g.requests / g.seconds;
      const [self] = gateways as [(typeof gateways)[number]];
      notes.push(
        `${[...answers][0]!.length}-byte answer, identical from every checkout; ${CONNECTIONS} connections, ${rounds} rounds of ${seconds} s per gateway, ` +
          `order reversed every round; baselines: ${checkouts.length ? checkouts.join(', ') : 'none (set BENCH_BASELINE_CHECKOUTS)'}; non-2xx/errors: ${failed}`,
      );
      const figures: Figure[] = [
        fig('rps.self', `this checkout, requests/s at ${CONNECTIONS}`, rps(self), 'req/s'),
        fig('cpu.self', 'this checkout, CPU per request', (self.cpuMs * 1000) / self.requests, 'µs'),
      ];
      gateways.slice(1).forEach((g, i) => {
        figures.push(
          fig(`rps.baseline${i + 1}`, `${g.name}, requests/s at ${CONNECTIONS}`, rps(g), 'req/s'),
          fig(`gain.baseline${i + 1}`, `this checkout ÷ ${g.name}, requests/s`, ratio(rps(self), rps(g)), '×', i === 0 ? { goal: '≥ 2× (issue 22, against its start)' } : {}),
          fig(`cpu.baseline${i + 1}`, `${g.name}, CPU per request`, (g.cpuMs * 1000) / g.requests, 'µs'),
        );
      });
      return figures;
    } finally {
      await Promise.allSettled(gateways.map((g) => g.gateway.stop()));
      await sim.close();
    }
  },
};
