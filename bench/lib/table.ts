import type { Figure, ScenarioResult } from './figures.js';

/** Prints every scenario's figures as one aligned table: value, unit, ratio to its same-run baseline, goal. */
export function printTable(results: readonly ScenarioResult[], write: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): void {
  const rows: string[][] = [['scenario', 'figure', 'value', 'ratio', 'vs', 'goal']];
  for (const r of results) {
    if (r.status !== 'ok') rows.push([r.scenario, `(${r.status})`, '', '', '', '']);
    for (const f of r.figures) rows.push([r.scenario, f.label, formatValue(f), formatRatio(f), f.ratio?.against ?? '', f.goal ?? '']);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  const line = (row: string[]): string =>
    row.map((cell, c) => (c === 2 || c === 3 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd();
  write(line(rows[0]));
  write(widths.map((w) => '-'.repeat(w)).join('  '));
  let previous = '';
  for (const row of rows.slice(1)) {
    write(line(row[0] === previous ? ['', ...row.slice(1)] : row));
    previous = row[0];
  }
  for (const r of results) for (const n of r.notes) write(`  [${r.scenario}] ${n}`);
}

export function formatValue(f: Figure): string {
  if (!Number.isFinite(f.value)) return `– ${f.unit}`;
  const abs = Math.abs(f.value);
  const digits = Number.isInteger(f.value) ? 0 : abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return `${f.value.toFixed(digits)} ${f.unit}`;
}

function formatRatio(f: Figure): string {
  if (!f.ratio) return '';
  if (!Number.isFinite(f.ratio.value)) return '–';
  const r = f.ratio.value;
  return `${r >= 10 ? r.toFixed(1) : r >= 0.1 ? r.toFixed(2) : r.toPrecision(2)}×`;
}
