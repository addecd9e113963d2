import { fileURLToPath } from 'node:url';
import { startChildGateway } from '../lib/child-gateway.js';
import { fig, type Figure, type RunOptions, type Scenario } from '../lib/figures.js';
import { benchConfig } from '../lib/gateway-config.js';
import { GRAPHQL_HEADERS, GraphQLClient } from '../lib/graphql-client.js';
import { closedLoop, tickFor, type LoadResult } from '../lib/load.js';
import { processCpuMs } from '../lib/process-cpu.js';
import { startSimulator } from '../lib/simulator.js';
import { ratio } from '../lib/stats.js';
import { startTsxChild } from '../lib/tsx-child.js';

const BARE_APOLLO_ENTRY = fileURLToPath(new URL('../lib/bare-apollo-process.ts', import.meta.url));
const CONNECTIONS = 20;
const TYPENAME = '{ __typename }';

/**
 * What the gateway's own request stack costs, with no upstream and no resolver in the way: the
 * gateway's `{ __typename }` with an API key, the same process's `/healthz` (fastify alone), and a bare
 * Apollo Server 5 on fastify answering `{ __typename }` (Apollo alone). Same connections and duration
 * for each, each target in turn then again in reverse order, so a slow stretch of the shared machine is
 * spread over all three; requests/s, p50 and the server process's CPU per request (from /proc, Linux)
 * averaged over both passes.
 */
export const leanStack: Scenario = {
  name: 'lean-stack',
  title: 'Request stack: { __typename } with an API key against /healthz and a bare Apollo Server',
  async run(options: RunOptions, notes: string[]): Promise<Figure[]> {
    const seconds = options.smoke ? 0.4 : options.quick ? 0.6 : 10;
    const warmupSeconds = options.smoke ? 0.2 : options.quick ? 0.3 : 2;
    const sim = await startSimulator();
    const [gateway, bare] = await Promise.all([
      startChildGateway(benchConfig({ simulatorUrl: sim.url }), { shared: options.smoke }),
      startTsxChild<{ type: 'ready'; url: string }>(BARE_APOLLO_ENTRY, {}),
    ]);
    try {
      const body = GraphQLClient.body(TYPENAME);
      const answers: string[] = [];
      for (const base of [gateway.url, bare.ready.url]) {
        const client = new GraphQLClient(base, 1);
        const a = await client.post(body);
        await client.close();
        if (a.status !== 200 || a.body.errors?.length) throw new Error(`${base}: ${a.status} ${JSON.stringify(a.body)}`);
        answers.push(JSON.stringify(a.body.data));
      }
      notes.push(`answers: gateway ${answers[0]}, bare Apollo ${answers[1]}`);

      const targets: Record<string, { url: string; body?: string; pid: number }> = {
        typename: { url: `${gateway.url}/graphql`, body, pid: gateway.pid },
        healthz: { url: `${gateway.url}/healthz`, pid: gateway.pid },
        apollo: { url: `${bare.ready.url}/graphql`, body, pid: bare.child.pid ?? -1 },
      };
      /** One load run, with the CPU its server process spent on it per request (µs). */
      const load = async (name: string, durationSeconds: number, connections = CONNECTIONS): Promise<LoadResult & { cpuUsPerRequest: number }> => {
        const t = targets[name]!;
        const cpu0 = processCpuMs(t.pid);
        const r = await closedLoop({ url: t.url, connections, durationSeconds, ...(t.body ? { body: t.body } : {}), headers: GRAPHQL_HEADERS, ...tickFor(options) });
        return { ...r, cpuUsPerRequest: ((processCpuMs(t.pid) - cpu0) * 1000) / Math.max(1, r.requestsPerSecond * durationSeconds) };
      };
      for (const name of Object.keys(targets)) await load(name, warmupSeconds, 10);

      const runs: Record<string, Array<LoadResult & { cpuUsPerRequest: number }>> = { typename: [], healthz: [], apollo: [] };
      const order = Object.keys(targets);
      for (const name of [...order, ...[...order].reverse()]) runs[name]!.push(await load(name, seconds / 2));
      const mean = (name: string, of: (r: LoadResult & { cpuUsPerRequest: number }) => number) => runs[name]!.reduce((sum, r) => sum + of(r), 0) / runs[name]!.length;
      const rps = (name: string) => mean(name, (r) => r.requestsPerSecond);
      const p50 = (name: string) => mean(name, (r) => r.latency.p50);
      const cpu = (name: string) => mean(name, (r) => r.cpuUsPerRequest);
      const failed = Object.values(runs).flat().reduce((n, r) => n + r.non2xx + r.errors, 0);
      notes.push(
        `${CONNECTIONS} connections, each target ${seconds / 2} s in the order { __typename }, /healthz, bare Apollo, then reversed ` +
          `(figures averaged over both passes); upstream calls: ${sim.stats().total}; non-2xx/errors: ${failed}`,
      );
      return [
        fig(`c${CONNECTIONS}.rps.apollo`, `bare Apollo Server 5 { __typename }, requests/s at ${CONNECTIONS}`, rps('apollo'), 'req/s'),
        fig(`c${CONNECTIONS}.rps.healthz`, `gateway /healthz, requests/s at ${CONNECTIONS}`, rps('healthz'), 'req/s', {
          ratio: ratio(rps('healthz'), rps('apollo')),
          against: 'bare Apollo',
        }),
        fig(`c${CONNECTIONS}.rps.typename`, `gateway { __typename } with an API key, requests/s at ${CONNECTIONS}`, rps('typename'), 'req/s', {
          ratio: ratio(rps('typename'), rps('apollo')),
          against: 'bare Apollo',
          goal: '≥ 0.70×',
        }),
        fig(`c${CONNECTIONS}.rps.typenameVsHealthz`, 'gateway { __typename } ÷ its /healthz, requests/s', ratio(rps('typename'), rps('healthz')), '×'),
        fig(`c${CONNECTIONS}.p50.apollo`, `bare Apollo p50 at ${CONNECTIONS}`, p50('apollo'), 'ms'),
        fig(`c${CONNECTIONS}.p50.healthz`, `gateway /healthz p50 at ${CONNECTIONS}`, p50('healthz'), 'ms', { ratio: ratio(p50('healthz'), p50('apollo')), against: 'bare Apollo' }),
        fig(`c${CONNECTIONS}.p50.typename`, `gateway { __typename } p50 at ${CONNECTIONS}`, p50('typename'), 'ms', { ratio: ratio(p50('typename'), p50('apollo')), against: 'bare Apollo' }),
        // CPU the server process spent per answer (/proc): steadier than requests/s on a shared machine.
        fig('cpu.apollo', 'bare Apollo CPU per request', cpu('apollo'), 'µs'),
        fig('cpu.healthz', 'gateway /healthz CPU per request', cpu('healthz'), 'µs', { ratio: ratio(cpu('healthz'), cpu('apollo')), against: 'bare Apollo' }),
        fig('cpu.typename', 'gateway { __typename } CPU per request', cpu('typename'), 'µs', { ratio: ratio(cpu('typename'), cpu('apollo')), against: 'bare Apollo' }),
      ];
    } finally {
      await bare.stop();
      await gateway.stop();
      await sim.close();
    }
  },
};
