/**
 * Scenario 5a, in a process of its own so RSS and heap are the cache's and nothing else's: fills the
 * pipeline's `MemoryCacheStore` (directly, not through the gateway — 100 000 GraphQL round trips would
 * take minutes) with distinct entries built from real simulator answers, keyed like the pipeline keys
 * them, and reports memory against the store's own byte count and bound.
 *
 * Env: BENCH_FILL_TEMPLATES (JSON file: [{weight, response}]), BENCH_FILL_ENTRIES, BENCH_FILL_MAX_BYTES.
 * Replies to {type:'run'} with {type:'result', ...}. Needs --expose-gc.
 */
import { readFileSync } from 'node:fs';
import { cacheKey } from '../../src/cache/cache-key.js';
import { MemoryCacheStore } from '../../src/cache/memory-cache-store.js';
import { deepFreeze } from '../../src/datasources/pipeline/freeze.js';

interface Template {
  weight: number;
  label: string;
  /** The decoded UpstreamResponse as JSON text: parsed once per entry so every entry is its own object graph. */
  json: string;
}

const templates = JSON.parse(readFileSync(process.env.BENCH_FILL_TEMPLATES ?? '', 'utf8')) as Template[];
const entries = Number(process.env.BENCH_FILL_ENTRIES ?? 100_000);
const maxBytes = Number(process.env.BENCH_FILL_MAX_BYTES ?? 64 * 2 ** 20);
const gc = (globalThis as { gc?: () => void }).gc;

function settledMemory(): NodeJS.MemoryUsage {
  gc?.();
  gc?.();
  return process.memoryUsage();
}

/** Weighted round robin over the templates: deterministic, so runs compare. */
function pick(i: number): Template {
  const total = templates.reduce((a, t) => a + t.weight, 0);
  let slot = (i * 7919) % total;
  for (const t of templates) {
    if (slot < t.weight) return t;
    slot -= t.weight;
  }
  return templates[0];
}

function run(): Record<string, unknown> {
  const store = new MemoryCacheStore({ maxBytes });
  const before = settledMemory();
  const started = performance.now();
  let offeredBytes = 0;
  for (let i = 0; i < entries; i += 1) {
    const t = pick(i);
    // A distinct object graph per entry, frozen as the pipeline stores it.
    const value = deepFreeze(JSON.parse(t.json) as unknown);
    offeredBytes += t.json.length;
    const key = cacheKey({
      instanceId: 'cv-bench',
      identity: 'user:svc-backup-graph',
      method: 'GET',
      path: '/Job',
      query: { jobFilter: '', clientId: i },
      headers: { limit: String(t.label), offset: String(i) },
    });
    void store.set(key, { instanceId: 'cv-bench', tags: ['jobs'], value }, 300_000);
  }
  const fillMs = performance.now() - started;
  const after = settledMemory();
  return {
    type: 'result',
    entriesOffered: entries,
    entriesHeld: store.size,
    sizeBytes: store.sizeBytes,
    maxBytes,
    offeredJsonBytes: offeredBytes,
    fillMs,
    before,
    after,
    gcAvailable: Boolean(gc),
  };
}

process.on('message', (m: { type?: string }) => {
  if (m.type === 'run') process.send?.(run());
  else if (m.type === 'stop') process.exit(0);
});
process.on('disconnect', () => process.exit(0));
process.send?.({ type: 'ready' });
