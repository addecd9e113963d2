/**
 * `npm run bench [-- --quick | --smoke] [-- --only=<scenario>]`: measures what the gateway exists for against
 * direct upstream calls, prints one table, writes bench/results/latest.json (quick: latest-quick.json;
 * smoke, the CI check that every scenario still runs, quick at its shortest: latest-smoke.json).
 * Every figure sits next to a ratio measured in the same run: the machine is small and noisy.
 */
import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import { startSharedGatewayProcess, stopSharedGatewayProcess } from './lib/child-gateway.js';
import type { ScenarioResult } from './lib/figures.js';

const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const quick = smoke || args.includes('--quick');
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const unknown = args.filter((a) => a !== '--quick' && a !== '--smoke' && !a.startsWith('--only='));
// Smoke: the shared gateway process starts while this process loads the scenarios (each is seconds of CPU under tsx).
if (smoke && unknown.length === 0) void startSharedGatewayProcess();
const [{ writeResults }, { printTable }, { scenarios }] = await Promise.all([import('./lib/results.js'), import('./lib/table.js'), import('./scenarios/index.js')]);
if (unknown.length > 0 || (only && !scenarios.some((s) => s.name === only))) {
  process.stderr.write(`usage: npm run bench -- [--quick | --smoke] [--only=${scenarios.map((s) => s.name).join('|')}]\n`);
  await stopSharedGatewayProcess();
  process.exit(2);
}

const startedAt = new Date();
const results: ScenarioResult[] = [];
for (const scenario of scenarios) {
  if (only && scenario.name !== only) continue;
  process.stderr.write(`▶ ${scenario.name}: ${scenario.title}${smoke ? ' (smoke)' : quick ? ' (quick)' : ''}\n`);
  const notes: string[] = [];
  const t0 = performance.now();
  try {
    const figures = await scenario.run({ quick, smoke }, notes);
    const skipped = figures.length === 0;
    results.push({ scenario: scenario.name, title: scenario.title, status: skipped ? 'skipped' : 'ok', elapsedSeconds: (performance.now() - t0) / 1000, figures, notes });
  } catch (error) {
    notes.push(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    results.push({ scenario: scenario.name, title: scenario.title, status: 'failed', elapsedSeconds: (performance.now() - t0) / 1000, figures: [], notes });
  }
  process.stderr.write(`  done in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}

await stopSharedGatewayProcess();

printTable(results);
// A partial run (--only) never overwrites the files that hold a whole run; a smoke run never the quick one's.
const file = `latest${only ? `-${only}` : ''}${smoke ? '-smoke' : quick ? '-quick' : ''}.json`;
const path = fileURLToPath(new URL(`./results/${file}`, import.meta.url));
writeResults(path, results, { quick, smoke, only, startedAt, elapsedSeconds: (Date.now() - startedAt.getTime()) / 1000 });
process.stdout.write(`\nresults: bench/results/${file}\n`);
// Pools, timers and children are closed by each scenario; exit explicitly all the same, so a forgotten
// handle cannot hold the smoke check until its timeout.
process.exit(results.some((r) => r.status === 'failed') ? 1 : 0);
