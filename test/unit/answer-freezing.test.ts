import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { deepFreeze, isSharedAnswer } from '../../src/datasources/pipeline/freeze.js';
import { indexOf } from '../../src/loaders/instance-loader.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What the freeze and index modules do in a process started with `NODE_ENV` set as given. */
function inProcess(nodeEnv: string): { frozen: boolean; shared: boolean; indexKept: boolean; plainShared: boolean } {
  const script = `
    const { deepFreeze, isSharedAnswer } = await import('./src/datasources/pipeline/freeze.ts');
    const { indexOf } = await import('./src/loaders/instance-loader.ts');
    const list = deepFreeze([{ id: 1, inner: { a: 1 } }, { id: 2, inner: { a: 2 } }]);
    const idOf = (x) => x.id;
    console.log(JSON.stringify({
      frozen: Object.isFrozen(list) && Object.isFrozen(list[0].inner),
      shared: isSharedAnswer(list),
      indexKept: indexOf(list, idOf) === indexOf(list, idOf),
      plainShared: isSharedAnswer([1, 2]),
    }));`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, env: { ...process.env, NODE_ENV: nodeEnv }, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout.trim().split('\n').pop()!);
}

describe('shared upstream answers', () => {
  it('are deep-frozen outside production, so a mapper that writes to one throws', () => {
    const answer = deepFreeze({ jobs: [{ jobId: 1 }] });
    expect(() => {
      (answer.jobs[0] as { jobId: number }).jobId = 2;
    }).toThrow(TypeError);
    expect(isSharedAnswer(answer)).toBe(true);
  });

  it('are not frozen in production, yet still count as shared: a list index by id is built once per answer', () => {
    expect(inProcess('production')).toEqual({ frozen: false, shared: true, indexKept: true, plainShared: false });
    expect(inProcess('test')).toEqual({ frozen: true, shared: true, indexKept: true, plainShared: false });
  });

  it('never keeps the index of a list nobody declared shared (it may change under it)', () => {
    const list = [{ id: 1 }];
    const idOf = (x: { id: number }) => x.id;
    expect(indexOf(list, idOf)).not.toBe(indexOf(list, idOf));
  });
});
