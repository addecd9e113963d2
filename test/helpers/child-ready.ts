import type { ChildProcess } from 'node:child_process';

/**
 * Waits until a gateway started as a child process answers `/readyz` with 200, polling every 200 ms;
 * throws with its output so far when it exits first or is not ready within `timeoutMs`.
 */
export async function waitUntilReady(child: ChildProcess, url: string, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`gateway exited early with ${child.exitCode}: ${output()}`);
    if (Date.now() > deadline) throw new Error(`gateway not ready: ${output()}`);
    try {
      if ((await fetch(`${url}/readyz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
