/**
 * A gateway in its own process, for the benchmarks: the load generator and the simulator stay in the
 * parent, so the gateway's latency, CPU and memory are its own. Started by `child-gateway.ts` with
 * the raw config as JSON in `BENCH_GATEWAY_CONFIG`; speaks to the parent over the IPC channel:
 *   → {type:'ready', url}            once listening
 *   ← {type:'memory', gc}  → {type:'memory', usage}   (after a full GC when run with --expose-gc)
 *   ← {type:'gcStats'}     → {type:'gcStats', count, ms}  (garbage collections since start, and their time)
 *   ← {type:'stop'}        → exits 0 after a graceful stop (of every gateway it holds)
 * Smoke mode (`--smoke`) starts it once without a config and has it hold each scenario's gateways in turn,
 * so the run pays one process start instead of one per gateway (several gateways share a process as
 * they do in the tests: tracing and caches are per gateway, src/observability/tracing/tracing.ts):
 *   ← {type:'start', id, config} → {type:'started:<id>', url} or {type:'started:<id>', error}
 *   ← {type:'stopOne', id}       → {type:'stopped:<id>'} after that gateway's graceful stop
 */
import 'reflect-metadata';
import { PerformanceObserver } from 'node:perf_hooks';
import { pino } from 'pino';
import { parseConfig } from '../../src/config/load.js';
import { createGateway, type Gateway } from '../../src/gateway.js';

type Message =
  | { type: 'memory'; gc?: boolean }
  | { type: 'gcStats' }
  | { type: 'stop' }
  | { type: 'start'; id: number; config: unknown }
  | { type: 'stopOne'; id: number };

if (!process.send) throw new Error('gateway-process.ts must be started with an IPC channel');
const send = (m: unknown): void => {
  process.send?.(m);
};

const gateways = new Map<number, Gateway>();

/** Creates a gateway from a raw config and listens: its base URL. */
async function start(id: number, raw: unknown): Promise<string> {
  // No history store unless the bench's config asks for one: a bench measures queries, not ./data writes.
  const config = parseConfig({ store: { enabled: false }, ...(raw as object) }, {});
  const gateway = await createGateway(config, { logger: pino({ level: 'silent' }) });
  gateways.set(id, gateway);
  return gateway.listen();
}

const stopAll = (): void => {
  void Promise.allSettled([...gateways.values()].map((g) => g.stop())).finally(() => process.exit(0));
};

const raw = JSON.parse(process.env.BENCH_GATEWAY_CONFIG ?? 'null') as unknown;
const url = raw === null ? undefined : await start(0, raw);

const gc = (globalThis as { gc?: () => void }).gc;
// Every collection's pause, for GC time per query (a scenario reads the totals before and after its queries).
const gcTotals = { count: 0, ms: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gcTotals.count += 1;
    gcTotals.ms += entry.duration;
  }
}).observe({ entryTypes: ['gc'] });
process.on('message', (m: Message) => {
  if (m.type === 'memory') {
    if (m.gc && gc) {
      // Two passes: the first may only queue finalizers that free more in the second.
      gc();
      gc();
    }
    send({ type: 'memory', usage: process.memoryUsage(), gcRan: Boolean(m.gc && gc) });
  } else if (m.type === 'gcStats') {
    send({ type: 'gcStats', ...gcTotals });
  } else if (m.type === 'start') {
    start(m.id, m.config).then(
      (at) => send({ type: `started:${m.id}`, url: at }),
      (error: unknown) => send({ type: `started:${m.id}`, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
  } else if (m.type === 'stopOne') {
    const gateway = gateways.get(m.id);
    gateways.delete(m.id);
    void Promise.resolve(gateway?.stop()).finally(() => send({ type: `stopped:${m.id}` }));
  } else if (m.type === 'stop') {
    stopAll();
  }
});
// The parent died: do not outlive it.
process.on('disconnect', stopAll);
send({ type: 'ready', url });
