/**
 * A gateway in its own process, for the benchmarks: the load generator and the simulator stay in the
 * parent, so the gateway's latency, CPU and memory are its own. Started by `child-gateway.ts` with
 * the raw config as JSON in `BENCH_GATEWAY_CONFIG`; speaks to the parent over the IPC channel:
 *   → {type:'ready', url}            once listening
 *   ← {type:'memory', gc}  → {type:'memory', usage}   (after a full GC when run with --expose-gc)
 *   ← {type:'gcStats'}     → {type:'gcStats', count, ms}  (garbage collections since start, and their time)
 *   ← {type:'stop'}        → exits 0 after a graceful stop
 */
import 'reflect-metadata';
import { PerformanceObserver } from 'node:perf_hooks';
import { pino } from 'pino';
import { parseConfig } from '../../src/config/load.js';
import { createGateway } from '../../src/gateway.js';

type Message = { type: 'memory'; gc?: boolean } | { type: 'gcStats' } | { type: 'stop' };

const raw = JSON.parse(process.env.BENCH_GATEWAY_CONFIG ?? 'null') as unknown;
if (!process.send) throw new Error('gateway-process.ts must be started with an IPC channel');
const send = (m: unknown): void => {
  process.send?.(m);
};

// No history store unless the bench's config asks for one: a bench measures queries, not ./data writes.
const config = parseConfig({ store: { enabled: false }, ...(raw as object) }, {});
const gateway = await createGateway(config, { logger: pino({ level: 'silent' }) });
const url = await gateway.listen();

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
  } else if (m.type === 'stop') {
    void gateway.stop().finally(() => process.exit(0));
  }
});
// The parent died: do not outlive it.
process.on('disconnect', () => {
  void gateway.stop().finally(() => process.exit(0));
});
send({ type: 'ready', url });
