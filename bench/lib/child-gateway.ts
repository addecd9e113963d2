import { fileURLToPath } from 'node:url';
import { startTsxChild } from './tsx-child.js';

export interface ChildGateway {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  readonly pid: number;
  /** RSS and heap of the gateway process (after a full GC when started with exposeGc). */
  memory(gc?: boolean): Promise<NodeJS.MemoryUsage>;
  /** Garbage collections of the gateway process since it started, and their total pause. */
  gcStats(): Promise<{ count: number; ms: number }>;
  stop(): Promise<void>;
}

const ENTRY = fileURLToPath(new URL('./gateway-process.ts', import.meta.url));

/** Starts `gateway-process.ts` with the given raw config and waits until it listens. */
export async function startChildGateway(rawConfig: unknown, options: { exposeGc?: boolean } = {}): Promise<ChildGateway> {
  const c = await startTsxChild<{ type: 'ready'; url: string }>(ENTRY, { BENCH_GATEWAY_CONFIG: JSON.stringify(rawConfig) }, options);
  return {
    url: c.ready.url,
    pid: c.child.pid ?? -1,
    async memory(gc = true) {
      return (await c.ask<{ usage: NodeJS.MemoryUsage }>({ type: 'memory', gc }, 'memory')).usage;
    },
    async gcStats() {
      const { count, ms } = await c.ask<{ count: number; ms: number }>({ type: 'gcStats' }, 'gcStats');
      return { count, ms };
    },
    stop: () => c.stop(),
  };
}
