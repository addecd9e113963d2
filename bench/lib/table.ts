import type { Figure, ScenarioResult } from './figures.js';

/** Prints every scenario's figures as one aligned table: value, unit, ratio to its same-run baseline, goal. */
export function printTable(results: readonly ScenarioResult[], write: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): void {
  const rows: string[][] = [['scenario', 'figure', 'value', 'ratio', 'vs', 'goal']];
  for (const r of results) {
    if (r.status !== 'ok') rows.push([r.scenario, `(${r.status})`, '', '', '', '']);
    for (const f of r.figures) if (!f.detail) rows.push([r.scenario, f.label, formatValue(f), formatRatio(f), f.ratio?.against ?? '', f.goal ?? '']);
  }
  // A scenario's own repeated name is left blank under its first row.
  const shown = rows.map((row, i) => (i > 1 && row[0] === rows[i - 1]![0] ? ['', ...row.slice(1)] : row));
  for (const l of alignRows(shown, [2, 3])) write(l);
  for (const r of results) for (const n of r.notes) write(`  [${r.scenario}] ${n}`);
}

/** Rows (the first is the header) as aligned lines, a rule under the header; `rightAligned`: column indexes. */
export function alignRows(rows: readonly string[][], rightAligned: readonly number[] = []): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  const line = (row: readonly string[]): string =>
    row.map((cell, c) => (rightAligned.includes(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd();
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)];
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
