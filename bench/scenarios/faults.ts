import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { FAULTS, NO_FAULT, type Fault } from '../../test/helpers/fault-matrix/cells.js';
import { MATRIX_UPSTREAM_SETTINGS, SIM_LATENCY_MS, startMatrixEnvironment, UPSTREAM_IDS, type UpstreamId } from '../../test/helpers/fault-matrix/environment.js';
import { LONG_FORM, runCell, SHORT_FORM, type CellLoad, type CellResult } from '../../test/helpers/fault-matrix/run-cell.js';
import { diagonal, runMatrix, warmUp } from '../../test/helpers/fault-matrix/run-matrix.js';
import { cellFigures, matrixLines } from '../lib/fault-matrix-table.js';
import { fig, type Figure, type RunOptions, type Scenario } from '../lib/figures.js';
import { probeRedisRestart } from '../lib/redis-restart-probe.js';
import { median } from '../lib/stats.js';

/**
 * The fault matrix, long form (`npm test` runs the short one, test/integration/fault-matrix.test.ts):
 * each upstream kind × fault on one gateway that is never restarted, with twelve rounds of queries, faults
 * lasting several breaker cooldowns and several mutations per cell; prints each cell's answer, latency
 * under the fault, recovery time and mutations sent/carried out. Quick: each fault once, on the kinds
 * in turn, with the short form's load. Then the Redis store's known limit, measured.
 */
export const faults: Scenario = {
  name: 'faults',
  title: 'Fault matrix: upstream kind × fault — code, latency under the fault, recovery, mutations once',
  async run(options: RunOptions, notes: string[]): Promise<Figure[]> {
    if (spawnSync('redis-server', ['--version']).status !== 0) {
      notes.push('skipped: redis-server is not installed (the matrix stops and restarts its own Redis)');
      return [];
    }
    const load: CellLoad = options.quick ? SHORT_FORM : LONG_FORM;
    // A healthy upstream timing out is the machine's doing, not the fault's: the load says how busy it was.
    const loadAtStart = loadavg()[0]!;
    const env = await startMatrixEnvironment();
    try {
      const run = Date.now().toString(36);
      const progress = (c: CellResult) => process.stderr.write(`  ${c.fault} on ${c.upstream}: ${c.problems.length === 0 ? 'held' : `${c.problems.length} rules broken`}\n`);
      // The control before and after: the machine is shared, its load moves during the run.
      const control = async (when: string) => {
        await warmUp(env);
        const cell = await runCell(env, env.upstreams.cv, NO_FAULT, load, `${run}-control-${when}`);
        progress(cell);
        return cell;
      };
      const before = await control('before');
      // Smoke only keeps the harness working (the test suite runs every cell, test/integration/fault-matrix.test.ts):
      // one fault per upstream kind.
      const include = options.smoke ? (f: Fault, id: UpstreamId, i: number) => i < UPSTREAM_IDS.length && diagonal(f, id, i) : options.quick ? diagonal : undefined;
      const faulted = await runMatrix(env, load, { include, onCell: progress });
      const after = await control('after');
      const cells = [before, ...faulted, after];
      const probe = await probeRedisRestart(env, `${run}-restart`);

      notes.push(
        `${options.smoke ? 'smoke: one fault per upstream kind' : options.quick ? 'quick: each fault once, on the upstream kinds in turn' : `every kind × fault (${faulted.length} cells) and the control before and after`}; per cell ` +
          `${load.concurrency} queries at once (each asks all three upstreams) × ${load.rounds} rounds ${load.pauseMs} ms apart, ` +
          `${load.mutations} mutation(s) under the fault, retried with the same key after recovery; gateway, simulators (+${SIM_LATENCY_MS} ms per answer) ` +
          `and client in this process; upstream timeout ${MATRIX_UPSTREAM_SETTINGS.timeoutMs} ms, ${MATRIX_UPSTREAM_SETTINGS.retry.maxAttempts} attempts for reads, ` +
          `breaker ${MATRIX_UPSTREAM_SETTINGS.breaker.failureThreshold} failures / ${MATRIX_UPSTREAM_SETTINGS.breaker.cooldownMs} ms cooldown, token wait ≤ ${MATRIX_UPSTREAM_SETTINGS.rateLimit.queueTimeoutMs} ms`,
        `load average (1 min) ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end`,
        'p50/p95: answer times of the queries while the fault lasted; fault: injection to lift; recovery: lift until a query has every upstream\'s data and /readyz shows the circuit closed, a session and Redis ready',
        ...matrixLines(env, cells),
      );
      for (const c of cells) notes.push(...problemLines(c));
      notes.push(
        `Redis restarted without persistence: one key sent twice with Redis up → carried out ${probe.appliedBeforeRestart}; ` +
          `sent again after the restart → carried out ${probe.appliedAfterRestart} (answers ${probe.outcomes.join(', ')})${probe.problems.length ? `; ${probe.problems.join('; ')}` : ''}`,
      );
      return [...controlFigures(before, after), ...summaryFigures(faulted), ...probeFigures(probe), ...cellDetail(before, 'control.before'), ...faulted.flatMap((c) => cellDetail(c, `${c.fault}.${c.upstream}`)), ...cellDetail(after, 'control.after')];
    } finally {
      await env.close();
    }
  },
};

/** A cell's broken rules, each once with how often it happened. */
function problemLines(c: CellResult): string[] {
  const counts = new Map<string, number>();
  for (const p of c.problems) counts.set(p, (counts.get(p) ?? 0) + 1);
  return [...counts].map(([p, n]) => `${c.fault} on ${c.upstream}: ${p}${n > 1 ? ` (×${n})` : ''}`);
}

/** What the machine alone did to the same load: the floor under every cell's figures. */
function controlFigures(before: CellResult, after: CellResult): Figure[] {
  const answers = before.latenciesMs.length + after.latenciesMs.length;
  return [
    fig('control.p95', 'no fault (control, before and after): p95', Math.max(cellFigures(before).p95Ms, cellFigures(after).p95Ms), 'ms'),
    fig('control.othersMissing', `no fault (control): answers missing an upstream's data, of ${answers}`, before.othersMissing + after.othersMissing, 'answers', { goal: '0' }),
  ];
}

function summaryFigures(cells: readonly CellResult[]): Figure[] {
  const sum = (f: (c: CellResult) => number) => cells.reduce((n, c) => n + f(c), 0);
  const worst = (f: (c: CellResult) => number) => Math.max(...cells.map(f));
  const sent = sum((c) => c.mutations.sent);
  return [
    fig('cells', `cells run (of ${FAULTS.length * UPSTREAM_IDS.length})`, cells.length, 'cells'),
    fig('cells.broken', 'cells that broke a rule', cells.filter((c) => c.problems.length > 0).length, 'cells', { goal: '0' }),
    fig('answers', 'queries answered under a fault', sum((c) => c.latenciesMs.length), 'answers'),
    fig('answers.othersMissing', "answers missing another upstream's data", sum((c) => c.othersMissing), 'answers', { goal: '0' }),
    fig('latency.p95.worst', 'p95 under a fault, worst cell', worst((c) => cellFigures(c).p95Ms), 'ms'),
    fig('latency.max', 'slowest answer under any fault', worst((c) => cellFigures(c).maxMs), 'ms'),
    fig('recovery.median', 'recovery after the fault ended, median cell', median(cells.map((c) => c.recoveryMs)), 'ms'),
    fig('recovery.worst', 'recovery after the fault ended, worst cell', worst((c) => c.recoveryMs), 'ms'),
    fig('mutations.sent', 'mutations sent', sent, 'mutations'),
    fig('mutations.applied', 'mutations carried out', sum((c) => c.mutations.applied), 'mutations', { goal: `= sent (${sent})` }),
  ];
}

function probeFigures(probe: Awaited<ReturnType<typeof probeRedisRestart>>): Figure[] {
  return [
    fig('redisRestart.before', 'one key sent twice, Redis up: carried out', probe.appliedBeforeRestart, 'times', { goal: '1' }),
    fig('redisRestart.after', 'same key once more after a Redis restart without persistence: carried out', probe.appliedAfterRestart, 'times', {
      goal: '1 (known limit: 2)',
    }),
  ];
}

/** Each cell's figures, for the results file (the matrix above prints them). */
function cellDetail(c: CellResult, name: string): Figure[] {
  const key = `cell.${name}`;
  const { p50Ms, p95Ms } = cellFigures(c);
  const detail = { detail: true };
  return [
    fig(`${key}.p50`, `${name}: p50 under the fault`, p50Ms, 'ms', detail),
    fig(`${key}.p95`, `${name}: p95 under the fault`, p95Ms, 'ms', detail),
    fig(`${key}.fault`, `${name}: fault lasted`, c.faultMs, 'ms', detail),
    fig(`${key}.recovery`, `${name}: recovery`, c.recoveryMs, 'ms', detail),
    fig(`${key}.mutationsSent`, `${name}: mutations sent`, c.mutations.sent, 'mutations', detail),
    fig(`${key}.mutationsApplied`, `${name}: mutations carried out`, c.mutations.applied, 'mutations', detail),
    fig(`${key}.othersMissing`, `${name}: answers missing another upstream's data`, c.othersMissing, 'answers', detail),
    fig(`${key}.rulesBroken`, `${name}: rules broken`, c.problems.length, 'problems', detail),
  ];
}
