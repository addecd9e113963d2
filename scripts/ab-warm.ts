// A/B of the warm dashboard page: this tree against an earlier commit, side by side in alternating blocks.
//   rm -rf test-artifacts/base && mkdir -p test-artifacts/base && git archive <rev> | tar -x -C test-artifacts/base
//   node_modules/.bin/tsx scripts/ab-warm.ts silent|info > /dev/null     (figures on stderr)
import { startChildGateway as startNew } from '../bench/lib/child-gateway.js';
type Start = typeof startNew;
const { startChildGateway: startBase } = (await import(new URL('../test-artifacts/base/bench/lib/child-gateway.ts', import.meta.url).href)) as { startChildGateway: Start };
import { DASHBOARD_JOBS } from '../bench/lib/documents.js';
import { benchConfig } from '../bench/lib/gateway-config.js';
import { GRAPHQL_HEADERS, GraphQLClient } from '../bench/lib/graphql-client.js';
import { closedLoop } from '../bench/lib/load.js';
import { startSimulator } from '../bench/lib/simulator.js';
import { HOT_TTL } from '../bench/scenarios/warm.js';

const level = process.argv[2] ?? 'silent';
const sim = await startSimulator();
const cfg = { ...benchConfig({ simulatorUrl: sim.url, ttlMs: HOT_TTL }), logLevel: level };
process.env.TSX_TSCONFIG_PATH = new URL('../test-artifacts/base/tsconfig.json', import.meta.url).pathname;
const base = await startBase(cfg);
delete process.env.TSX_TSCONFIG_PATH;
const now = await startNew(cfg);
const body = GraphQLClient.body(DASHBOARD_JOBS, { first: 100 });
for (const g of [base, now]) {
  const c = new GraphQLClient(g.url, 1); await c.query(DASHBOARD_JOBS, { first: 100 }); await c.close();
  await closedLoop({ url: `${g.url}/graphql`, connections: 10, durationSeconds: 1, body, headers: GRAPHQL_HEADERS });
}
const res: Record<string, number[][]> = { base: [], now: [] };
for (let i = 0; i < 6; i++) {
  for (const [name, g] of [['base', base], ['now', now]] as const) {
    const r = await closedLoop({ url: `${g.url}/graphql`, connections: 1, durationSeconds: 2, body, headers: GRAPHQL_HEADERS });
    res[name]!.push([Math.round(r.latency.p50 * 1000) / 1000, Math.round(r.requestsPerSecond)]);
  }
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const k of ['base', 'now']) process.stderr.write(`${level} ${k}: p50 ${med(res[k]!.map((x) => x[0]!))} ms, rps ${med(res[k]!.map((x) => x[1]!))} raw=${JSON.stringify(res[k])}\n`);
await base.stop(); await now.stop(); await sim.close();
process.exit(0);
