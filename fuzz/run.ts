/**
 * `npm run fuzz -- --n 20000 [--seed 1] [--executor jit|graphql-js|both] [--concurrency 4] [--out file.json]`
 * `npm run fuzz -- --seed 7 --case 1234`: prints that one case's request and the gateway's answer.
 *
 * Starts both simulators here and the gateway in its own process (so its memory is its own), runs the
 * cases, prints the findings folded by kind, and the gateway's RSS and heap (after a full GC) as the run
 * goes: a leak shows as a heap that keeps growing after the first thousand cases.
 */
import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { startChildGateway } from '../bench/lib/child-gateway.js';
import { FUZZ_API_KEYS, FUZZ_SECRETS, FUZZ_UPSTREAMS, fuzzGatewayConfig, loadFuzzTargets, startFuzzSimulators } from './fuzz-gateway.js';
import { caseRequest, runFuzz, summarize, type FuzzReport } from './runner.js';
import { send } from './send.js';
import { judge } from './oracle.js';
import { Agent } from 'undici';

const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '1' },
    executor: { type: 'string', default: 'jit' },
    concurrency: { type: 'string', default: '4' },
    case: { type: 'string' },
    out: { type: 'string' },
  },
});

const MB = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
const executors = args.executor === 'both' ? (['jit', 'graphql-js'] as const) : [args.executor as 'jit' | 'graphql-js'];
const seed = Number(args.seed);
const n = Number(args.n);
const targets = await loadFuzzTargets();
const sims = await startFuzzSimulators();
const oracle = { upstreamHosts: sims.hosts, secrets: [...Object.values(FUZZ_SECRETS), ...Object.values(FUZZ_API_KEYS)] };
const upstreams = Object.values(FUZZ_UPSTREAMS);
const reports: Array<FuzzReport & { executor: string; memory: Array<{ cases: number; rss: number; heapUsed: number }> }> = [];
let failed = false;

try {
  for (const executor of executors) {
    const gateway = await startChildGateway(fuzzGatewayConfig(sims, executor), { exposeGc: true });
    try {
      if (args.case !== undefined) {
        const index = Number(args.case);
        const req = caseRequest(seed, index, { schema: targets.schema, ids: { upstreams, globalIds: [] }, apiKeys: FUZZ_API_KEYS, trusted: targets.trusted });
        const agent = new Agent();
        const answer = await send(gateway.url, req, agent);
        await agent.close();
        console.log(JSON.stringify({ executor, request: { ...req, body: typeof req.body === 'string' ? req.body : req.body ? `<${req.body.length} bytes>` : undefined }, answer, problems: answer ? judge(req, answer, oracle) : ['skipped'] }, null, 2));
        continue;
      }
      const memory: Array<{ cases: number; rss: number; heapUsed: number }> = [];
      const sample = async (cases: number) => {
        const m = await gateway.memory(true);
        memory.push({ cases, rss: m.rss, heapUsed: m.heapUsed });
      };
      await sample(0);
      const started = Date.now();
      const report = await runFuzz({
        url: gateway.url,
        seed,
        cases: n,
        concurrency: Number(args.concurrency),
        schema: targets.schema,
        trusted: targets.trusted,
        apiKeys: FUZZ_API_KEYS,
        upstreams,
        oracle,
        progress: {
          every: Math.max(100, Math.min(1000, Math.floor(n / 10))),
          async call(done) {
            await sample(done);
            process.stderr.write(`  ${executor}: ${done}/${n} cases\n`);
          },
        },
      });
      reports.push({ ...report, executor, memory });
      const seconds = (Date.now() - started) / 1000;
      console.log(`\n${executor} executor, seed ${seed}: ${report.cases} cases in ${seconds.toFixed(0)} s, ${report.skipped} skipped by the client, ${report.findings.length} findings`);
      console.log(`  by kind:   ${JSON.stringify(report.byKind)}`);
      console.log(`  by status: ${JSON.stringify(report.byStatus)}`);
      const first = memory[1] ?? memory[0];
      const last = memory[memory.length - 1];
      console.log(`  gateway memory after GC: start ${MB(memory[0].rss)} RSS / ${MB(memory[0].heapUsed)} heap; after ${first.cases} cases ${MB(first.rss)} / ${MB(first.heapUsed)}; end (${last.cases}) ${MB(last.rss)} / ${MB(last.heapUsed)}`);
      for (const g of summarize(report.findings)) {
        failed = true;
        console.log(`  ✗ ${g.count}× ${g.signature}\n      first: --seed ${seed} --case ${g.first.index} ${JSON.stringify(g.first.request).slice(0, 300)}\n      answer: ${g.first.answer.slice(0, 300)}`);
      }
    } finally {
      await gateway.stop();
    }
  }
} finally {
  await sims.close();
}
if (args.out) await writeFile(args.out, `${JSON.stringify(reports, null, 2)}\n`);
process.exit(failed ? 1 : 0);
