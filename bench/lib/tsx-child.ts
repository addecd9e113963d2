import { spawn, type ChildProcess } from 'node:child_process';

const START_TIMEOUT_MS = 60_000;

export interface TsxChild<Ready> {
  child: ChildProcess;
  /** The child's first `{type:'ready'}` message. */
  ready: Ready;
  /** Sends a message and resolves with the first reply of `replyType`. */
  ask<T>(message: unknown, replyType: string): Promise<T>;
  /** Asks it to stop (`{type:'stop'}`), SIGKILL after 10 s. */
  stop(): Promise<void>;
}

/**
 * Runs a bench TypeScript file as its own Node process under tsx, with an IPC channel, and waits for
 * its `{type:'ready'}` message. The child never outlives the bench (SIGKILL on the parent's exit).
 */
export async function startTsxChild<Ready extends { type: string }>(
  entry: string,
  env: Record<string, string>,
  options: { exposeGc?: boolean; cwd?: string } = {},
): Promise<TsxChild<Ready>> {
  const execArgv = ['--import', 'tsx', ...(options.exposeGc ? ['--expose-gc'] : [])];
  // BENCH_CPU_PROF_DIR=<dir>: every child writes a V8 CPU profile there when it exits (for finding what limits a figure).
  const profileDir = process.env.BENCH_CPU_PROF_DIR;
  if (profileDir) execArgv.push('--cpu-prof', `--cpu-prof-dir=${profileDir}`);
  // BENCH_CHILD_NODE_ARGS="--trace-gc …": V8/Node flags for every child (NODE_OPTIONS refuses some, and would reach the bench itself).
  const extraArgs = process.env.BENCH_CHILD_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [];
  execArgv.push(...extraArgs);
  const child = spawn(process.execPath, [...execArgv, entry], {
    // Another checkout's file (bench/scenarios/baseline.ts) runs from its own directory, with its own tsconfig.
    ...(options.cwd ? { cwd: options.cwd } : {}),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, NODE_ENV: 'production', ...env },
  });
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));

  const ready = await new Promise<Ready>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} did not get ready in time`)), START_TIMEOUT_MS);
    const onMessage = (m: Ready): void => {
      if (m?.type !== 'ready') return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(m);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with code ${code} before it was ready`));
    });
  });

  return {
    child,
    ready,
    ask<T>(message: unknown, replyType: string): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const onMessage = (m: { type?: string }): void => {
          if (m?.type !== replyType) return;
          child.off('message', onMessage);
          child.off('exit', onExit);
          resolve(m as T);
        };
        const onExit = (code: number | null): void => {
          child.off('message', onMessage);
          reject(new Error(`${entry} exited with code ${code} while asked for ${replyType}`));
        };
        child.on('message', onMessage);
        child.once('exit', onExit);
        child.send(message as object);
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
