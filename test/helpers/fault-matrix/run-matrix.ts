import { FAULTS, type Fault } from './cells.js';
import { UPSTREAM_IDS, type MatrixEnvironment, type UpstreamId } from './environment.js';
import { recovery, runCell, type CellLoad, type CellResult } from './run-cell.js';

export interface MatrixOptions {
  /** Which cells run (default: every one). */
  include?: (fault: Fault, id: UpstreamId, faultIndex: number) => boolean;
  /** Called as each cell ends (the bench prints progress). */
  onCell?: (cell: CellResult) => void;
}

/**
 * Every cell, fault by fault and upstream by upstream, on one gateway that is never restarted: each
 * cell starts from the state the previous one recovered to, so a fault whose effects outlive its end
 * (a breaker still open, a dead session, requests still asleep in a slow upstream) shows in the next.
 */
export async function runMatrix(env: MatrixEnvironment, load: CellLoad, options: MatrixOptions = {}): Promise<CellResult[]> {
  await warmUp(env);
  const results: CellResult[] = [];
  const run = Date.now().toString(36);
  for (const [faultIndex, fault] of FAULTS.entries()) {
    for (const id of UPSTREAM_IDS) {
      if (options.include && !options.include(fault, id, faultIndex)) continue;
      const cell = await runCell(env, env.upstreams[id], fault, load, `${run}-${fault.name}-${id}`);
      results.push(cell);
      options.onCell?.(cell);
    }
  }
  return results;
}

/**
 * Until a query has every upstream's data and /readyz shows each whole: the first cell then meets a
 * warm gateway (sessions open, code compiled) instead of paying its cold start under its fault.
 */
export async function warmUp(env: MatrixEnvironment): Promise<void> {
  const problems: string[] = [];
  for (const id of UPSTREAM_IDS) await recovery(env, env.upstreams[id], problems);
  if (problems.length > 0) throw new Error(`the gateway did not come up whole: ${problems.join('; ')}`);
}

/** The quick form's cells: each fault once, on the upstream kinds in turn, so every kind meets some faults. */
export function diagonal(_fault: Fault, id: UpstreamId, faultIndex: number): boolean {
  return UPSTREAM_IDS[faultIndex % UPSTREAM_IDS.length] === id;
}
