import { FAULTS, NO_FAULT } from '../../test/helpers/fault-matrix/cells.js';
import type { MatrixEnvironment } from '../../test/helpers/fault-matrix/environment.js';
import type { CellResult } from '../../test/helpers/fault-matrix/run-cell.js';
import { percentile } from './stats.js';
import { alignRows } from './table.js';

/** A cell's figures as the matrix prints them and the docs quote them. */
export interface CellFigures {
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

export function cellFigures(cell: CellResult): CellFigures {
  const sorted = [...cell.latenciesMs].sort((a, b) => a - b);
  return { p50Ms: percentile(sorted, 50), p95Ms: percentile(sorted, 95), maxMs: percentile(sorted, 100) };
}

/**
 * How often each answer came: `UPSTREAM_TIMEOUT 16, UPSTREAM_UNAVAILABLE 48` (codes of the faulted
 * upstream's field), `data 64` when its data came every time. Most frequent first.
 */
export function tally(outcomes: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const o of outcomes) {
    const key = o === '-' ? 'data' : o;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([o, n]) => `${o} ${n}`).join(', ');
}

/** The matrix as aligned lines: one row per cell, in the order the cells ran. */
export function matrixLines(env: MatrixEnvironment, cells: readonly CellResult[]): string[] {
  const rows = [['fault', 'upstream', 'answered under the fault', 'p50', 'p95', 'fault', 'recovery', 'mutations under the fault', 'sent/done', "others' data", 'rules broken']];
  for (const cell of cells) {
    const { p50Ms, p95Ms } = cellFigures(cell);
    const answers = cell.latenciesMs.length;
    rows.push([
      [NO_FAULT, ...FAULTS].find((f) => f.name === cell.fault)?.title ?? cell.fault,
      cell.fault === 'none' ? `none (backups: ${env.upstreams[cell.upstream].kind})` : env.upstreams[cell.upstream].kind,
      tally(cell.codes),
      ms(p50Ms),
      ms(p95Ms),
      ms(cell.faultMs),
      ms(cell.recoveryMs),
      tally(cell.mutations.during),
      `${cell.mutations.sent}/${cell.mutations.applied}`,
      cell.othersMissing === 0 ? `yes (${answers})` : `no (${cell.othersMissing} of ${answers})`,
      String(cell.problems.length),
    ]);
  }
  return alignRows(rows, [3, 4, 5, 6, 8]);
}

function ms(value: number): string {
  return Number.isFinite(value) ? `${Math.round(value)} ms` : '– ms';
}
