import { FAULTS } from './cells.js';
import { UPSTREAM_IDS, type MatrixEnvironment } from './environment.js';
import { runCell, type CellLoad, type CellResult } from './run-cell.js';

/**
 * Every cell, fault by fault and upstream by upstream, on one gateway that is never restarted: each
 * cell starts from the state the previous one recovered to, so a fault whose effects outlive its end
 * (a breaker still open, a dead session, requests still asleep in a slow upstream) shows in the next.
 */
export async function runMatrix(env: MatrixEnvironment, load: CellLoad, onCell?: (cell: CellResult) => void): Promise<CellResult[]> {
  const results: CellResult[] = [];
  const run = Date.now().toString(36);
  for (const fault of FAULTS) {
    for (const id of UPSTREAM_IDS) {
      const cell = await runCell(env, env.upstreams[id], fault, load, `${run}-${fault.name}-${id}`);
      results.push(cell);
      onCell?.(cell);
    }
  }
  return results;
}
