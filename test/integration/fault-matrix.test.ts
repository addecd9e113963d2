import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedQueryCode, FAULTS } from '../helpers/fault-matrix/cells.js';
import { startMatrixEnvironment, UPSTREAM_IDS, type MatrixEnvironment } from '../helpers/fault-matrix/environment.js';
import { SHORT_FORM, type CellResult } from '../helpers/fault-matrix/run-cell.js';
import { runMatrix } from '../helpers/fault-matrix/run-matrix.js';
import { unavailable } from '../helpers/redis-server.js';

/**
 * The fault matrix, short form (the bench's `--only=faults` runs the long one and prints the figures):
 * for each upstream kind (CommServe, Cloud tenant, console) × fault, one gateway that is never
 * restarted answers every query within the hang guard (ANSWER_BOUND_MS), the faulted upstream's field
 * with the stable code and every other upstream's field with the simulator's data, stays alive,
 * recovers by itself once the fault ends (breaker closed, session live, Redis ready on /readyz), and
 * carries out each mutation exactly once across the fault and the client's retry with its key.
 */
const hasRedisServer = spawnSync('redis-server', ['--version']).status === 0;
const skipReason = hasRedisServer ? undefined : unavailable('redis-server is not installed').skipReason;

const CELLS = FAULTS.flatMap((fault) => UPSTREAM_IDS.map((id) => ({ fault, id })));

describe.skipIf(skipReason !== undefined)('the fault matrix (every upstream kind × fault, short form)', () => {
  let env: MatrixEnvironment;
  const results = new Map<string, CellResult>();

  beforeAll(async () => {
    env = await startMatrixEnvironment();
    for (const cell of await runMatrix(env, SHORT_FORM)) results.set(`${cell.fault}/${cell.upstream}`, cell);
  }, 120_000);

  afterAll(async () => {
    await env?.close();
  });

  it.each(CELLS.map((c) => [c.fault.title, c.id, c] as const))('%s on %s: the stable code, the others’ data, recovery, each mutation once', (_title, _id, { fault, id }) => {
    const cell = results.get(`${fault.name}/${id}`);
    expect(cell, 'the cell ran').toBeDefined();
    expect(cell!.problems).toEqual([]);
    const code = expectedQueryCode(fault, env.upstreams[id]);
    expect(cell!.codes).toEqual(cell!.codes.map(() => code ?? '-'));
    expect(cell!.recoveryMs).toBeGreaterThanOrEqual(0);
    expect(cell!.mutations.applied).toBe(cell!.mutations.sent);
  });

  it('counts 429s exactly: the simulator answered one to every call the gateway made while it throttled, and no more', () => {
    for (const id of UPSTREAM_IDS) {
      const throttle = results.get(`throttled/${id}`)?.throttle;
      expect(throttle?.received, id).toBeGreaterThan(0);
      expect(throttle?.answered429, id).toBe(throttle?.received);
    }
  });

  it('renews an expired session with exactly one login per upstream, and logs in again nowhere else', () => {
    for (const id of UPSTREAM_IDS) expect(results.get(`sessionExpired/${id}`)?.logins, id).toBe(1);
    // runMatrix opens every session before the first cell: no other cell needs a new one.
    const others = [...results.values()].filter((c) => c.fault !== 'sessionExpired');
    expect(others.filter((c) => c.logins > 0).map((c) => `${c.fault}/${c.upstream}`)).toEqual([]);
  });
});
