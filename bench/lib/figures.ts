/**
 * What a scenario reports: figures, each with its unit and — where it means anything — the ratio to a
 * baseline measured in the same run (the machine is small and noisy; absolute figures alone mislead).
 */
export interface Figure {
  /** Stable machine name (`cold.gateway.p50`), used as the JSON key. */
  key: string;
  /** What a reader sees in the table. */
  label: string;
  value: number;
  unit: string;
  /** value / baseline, with the baseline's label. */
  ratio?: { value: number; against: string };
  /** The goal, as text (e.g. "≤ 6"); never asserted. */
  goal?: string;
  /** Written to the results file but left out of the printed table: the scenario prints it its own way (the fault matrix's cells). */
  detail?: boolean;
}

export interface ScenarioResult {
  scenario: string;
  title: string;
  status: 'ok' | 'skipped' | 'failed';
  /** Seconds the scenario took, harness included. */
  elapsedSeconds: number;
  figures: Figure[];
  /** Setup facts and caveats that belong next to the figures (config used, what was skipped and why). */
  notes: string[];
}

export interface RunOptions {
  quick: boolean;
  /**
   * `--smoke` (implies `quick`): the shortest runs, fewest samples and smallest sizes that still produce
   * every figure, and every gateway in one process shared by the run (child-gateway.ts): keeps the
   * harness working in CI. Its figures show that each code path ran; they are not read.
   */
  smoke: boolean;
}

export interface Scenario {
  name: string;
  title: string;
  run(options: RunOptions, notes: string[]): Promise<Figure[]>;
}

/** Shorthand for a figure, optionally with a ratio. */
export function fig(
  key: string,
  label: string,
  value: number,
  unit: string,
  extra: { ratio?: number; against?: string; goal?: string; detail?: boolean } = {},
): Figure {
  const f: Figure = { key, label, value, unit };
  if (extra.ratio !== undefined && extra.against !== undefined) f.ratio = { value: extra.ratio, against: extra.against };
  if (extra.goal !== undefined) f.goal = extra.goal;
  if (extra.detail) f.detail = true;
  return f;
}
