import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTsxChild, type TsxChild } from './tsx-child.js';

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

export interface ChildGatewayOptions {
  exposeGc?: boolean;
  /**
   * Smoke mode: the gateway is created in one gateway process shared by the whole run (started with
   * --expose-gc at its first use) instead of a process of its own — a process start under tsx is
   * seconds of CPU, a gateway in a running process well under one. Its memory and CPU figures are then
   * the shared process's: smoke figures show the harness works, they are not read.
   */
  shared?: boolean;
  /**
   * Another checkout of this repository, with its dependencies installed: its own gateway (its
   * `bench/lib/gateway-process.ts`) runs instead of this one's, for same-run comparisons with earlier code.
   */
  checkout?: string;
}

const ENTRY = fileURLToPath(new URL('./gateway-process.ts', import.meta.url));

/** Starts `gateway-process.ts` with the given raw config and waits until it listens. */
export async function startChildGateway(rawConfig: unknown, options: ChildGatewayOptions = {}): Promise<ChildGateway> {
  if (options.shared && !options.checkout) return startSharedGateway(rawConfig);
  const env: Record<string, string> = { BENCH_GATEWAY_CONFIG: JSON.stringify(rawConfig) };
  let entry = ENTRY;
  if (options.checkout) {
    entry = join(options.checkout, 'bench/lib/gateway-process.ts');
    env.TSX_TSCONFIG_PATH = join(options.checkout, 'tsconfig.json');
  }
  const c = await startTsxChild<{ type: 'ready'; url: string }>(entry, env, { ...options, ...(options.checkout ? { cwd: options.checkout } : {}) });
  return {
    url: c.ready.url,
    pid: c.child.pid ?? -1,
    memory: (gc = true) => memoryOf(c, gc),
    gcStats: () => gcStatsOf(c),
    stop: () => c.stop(),
  };
}

let sharedProcess: Promise<TsxChild<{ type: 'ready' }>> | undefined;
let lastId = 0;

/** Starts the shared gateway process now, ahead of its first gateway (a failure surfaces there). */
export function startSharedGatewayProcess(): Promise<TsxChild<{ type: 'ready' }>> {
  if (!sharedProcess) {
    sharedProcess = startTsxChild<{ type: 'ready' }>(ENTRY, {}, { exposeGc: true });
    sharedProcess.catch(() => undefined);
  }
  return sharedProcess;
}

async function startSharedGateway(rawConfig: unknown): Promise<ChildGateway> {
  const host = await startSharedGatewayProcess();
  const id = ++lastId;
  const started = await host.ask<{ url?: string; error?: string }>({ type: 'start', id, config: rawConfig }, `started:${id}`);
  if (started.url === undefined) throw new Error(`shared gateway process: the gateway did not start: ${started.error}`);
  return {
    url: started.url,
    pid: host.child.pid ?? -1,
    memory: (gc = true) => memoryOf(host, gc),
    gcStats: () => gcStatsOf(host),
    stop: async () => {
      await host.ask({ type: 'stopOne', id }, `stopped:${id}`);
    },
  };
}

/** Stops the shared gateway process, if smoke mode started one. */
export async function stopSharedGatewayProcess(): Promise<void> {
  const host = sharedProcess;
  sharedProcess = undefined;
  await (await host?.catch(() => undefined))?.stop();
}

async function memoryOf(c: TsxChild<{ type: string }>, gc: boolean): Promise<NodeJS.MemoryUsage> {
  return (await c.ask<{ usage: NodeJS.MemoryUsage }>({ type: 'memory', gc }, 'memory')).usage;
}

async function gcStatsOf(c: TsxChild<{ type: string }>): Promise<{ count: number; ms: number }> {
  const { count, ms } = await c.ask<{ count: number; ms: number }>({ type: 'gcStats' }, 'gcStats');
  return { count, ms };
}
