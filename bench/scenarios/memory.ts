import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChildGateway } from '../lib/child-gateway.js';
import { DirectCommvault } from '../lib/direct-upstream.js';
import { DASHBOARD_JOBS } from '../lib/documents.js';
import { fig, type Figure, type RunOptions, type Scenario } from '../lib/figures.js';
import { benchConfig } from '../lib/gateway-config.js';
import { GRAPHQL_HEADERS, GraphQLClient } from '../lib/graphql-client.js';
import { closedLoop } from '../lib/load.js';
import { startSimulator } from '../lib/simulator.js';
import { ratio, sleep } from '../lib/stats.js';
import { startTsxChild } from '../lib/tsx-child.js';
import { HOT_TTL } from './warm.js';

const MiB = 2 ** 20;
const ENTRIES = 100_000;
/** Quick mode fills a tenth (~110 MB of JSON, still past the bound): parsing 1 GB alone takes ~9 s on the 2-core machine. */
const QUICK_ENTRIES = 10_000;
/** Smoke mode: enough for the fill to pass the bound (≈ 11 KB an entry on average), no more. */
const SMOKE_ENTRIES = 7_000;
/** The gateway's default cache bound (config `cache.maxBytes`). */
const MAX_BYTES = 64 * MiB;
const FILL_ENTRY = fileURLToPath(new URL('../lib/cache-fill-process.ts', import.meta.url));
/** Share of entry kinds in the fill: mostly small pages, some of ten, a few full dashboard pages. */
const MIX = [
  { limit: 1, weight: 70 },
  { limit: 10, weight: 25 },
  { limit: 100, weight: 5 },
];

/**
 * Scenario 5 — memory: (a) 100 000 distinct cache entries of realistic sizes under the default byte
 * bound, in a process of its own; (b) the gateway under a warm load for 2 minutes (quick: 4 s),
 * heap sampled after a full GC, growth after warm-up.
 */
export const memory: Scenario = {
  name: 'memory',
  title: 'Memory: 100 000 cache entries under the byte bound; heap over a warm run',
  async run(options: RunOptions, notes: string[]): Promise<Figure[]> {
    const sim = await startSimulator();
    const tmp = mkdtempSync(join(tmpdir(), 'bench-memory-'));
    try {
      const entries = options.smoke ? SMOKE_ENTRIES : options.quick ? QUICK_ENTRIES : ENTRIES;
      const warmSeconds = options.smoke ? 2 : options.quick ? 4 : 120;
      return [...(await fill(sim.url, tmp, entries, notes)), ...(await warmRun(sim.url, warmSeconds, notes, options.smoke))];
    } finally {
      await sim.close();
      rmSync(tmp, { recursive: true, force: true });
    }
  },
};

async function fill(simUrl: string, tmp: string, entries: number, notes: string[]): Promise<Figure[]> {
  // Real GET /Job answers as the pipeline stores them (UpstreamResponse: status, headers, decoded body).
  const direct = new DirectCommvault(simUrl);
  await direct.login();
  const templates: Array<{ weight: number; label: string; json: string }> = [];
  for (const m of MIX) {
    const body = await direct.jobs(m.limit);
    templates.push({ weight: m.weight, label: String(m.limit), json: JSON.stringify({ status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body }) });
  }
  await direct.close();
  const file = join(tmp, 'templates.json');
  writeFileSync(file, JSON.stringify(templates));

  const child = await startTsxChild<{ type: 'ready' }>(
    FILL_ENTRY,
    { BENCH_FILL_TEMPLATES: file, BENCH_FILL_ENTRIES: String(entries), BENCH_FILL_MAX_BYTES: String(MAX_BYTES) },
    { exposeGc: true },
  );
  try {
    const r = await child.ask<{
      entriesHeld: number;
      sizeBytes: number;
      maxBytes: number;
      fillMs: number;
      offeredJsonBytes: number;
      before: NodeJS.MemoryUsage;
      after: NodeJS.MemoryUsage;
      gcAvailable: boolean;
    }>({ type: 'run' }, 'result');
    const heapGrowth = r.after.heapUsed - r.before.heapUsed;
    const rssGrowth = r.after.rss - r.before.rss;
    notes.push(
      `fill: MemoryCacheStore directly (not via the gateway), ${entries} distinct entries keyed as the pipeline keys GET /Job, ` +
        `each its own frozen object graph parsed from a real simulator answer (mix ${MIX.map((m) => `${m.weight} % limit ${m.limit} = ${templates.find((t) => t.label === String(m.limit))?.json.length} B`).join(', ')}); ` +
        `${(r.offeredJsonBytes / MiB).toFixed(0)} MiB of JSON offered; GC ${r.gcAvailable ? 'forced before each reading' : 'NOT available'}`,
    );
    return [
      fig('fill.entriesOffered', 'cache fill: distinct entries offered', entries, 'entries'),
      fig('fill.entriesHeld', 'cache fill: entries held', r.entriesHeld, 'entries', { ratio: ratio(r.entriesHeld, entries), against: 'offered' }),
      fig('fill.sizeBytes', 'cache fill: sizeBytes (store’s own count)', r.sizeBytes / MiB, 'MiB', { ratio: ratio(r.sizeBytes, r.maxBytes), against: 'bound 64 MiB', goal: '≤ 1' }),
      fig('fill.heapGrowth', 'cache fill: heap used growth', heapGrowth / MiB, 'MiB', { ratio: ratio(heapGrowth, r.sizeBytes), against: 'sizeBytes' }),
      fig('fill.rssGrowth', 'cache fill: RSS growth', rssGrowth / MiB, 'MiB', { ratio: ratio(rssGrowth, r.maxBytes), against: 'bound 64 MiB' }),
      fig('fill.rssAfter', 'cache fill: RSS after', r.after.rss / MiB, 'MiB', { ratio: ratio(r.after.rss, r.before.rss), against: 'RSS before' }),
      fig('fill.seconds', 'cache fill: time for all sets (incl. JSON.parse)', r.fillMs / 1000, 's'),
    ];
  } finally {
    await child.stop();
  }
}

async function warmRun(simUrl: string, seconds: number, notes: string[], shared: boolean): Promise<Figure[]> {
  const gateway = await startChildGateway(benchConfig({ simulatorUrl: simUrl, ttlMs: HOT_TTL }), { exposeGc: true, shared });
  try {
    const client = new GraphQLClient(gateway.url, 1);
    await client.query(DASHBOARD_JOBS, { first: 100 });
    await client.close();
    const start = await gateway.memory();
    const sampleEvery = seconds >= 60 ? 10 : 2;
    const samples: Array<{ t: number; usage: NodeJS.MemoryUsage }> = [];
    const load = closedLoop({
      url: `${gateway.url}/graphql`,
      connections: 10,
      durationSeconds: seconds,
      body: GraphQLClient.body(DASHBOARD_JOBS, { first: 100 }),
      headers: GRAPHQL_HEADERS,
    });
    let done = false;
    void load.finally(() => (done = true));
    const t0 = performance.now();
    while (!done) {
      await sleep(sampleEvery * 1000);
      if (done) break;
      samples.push({ t: (performance.now() - t0) / 1000, usage: await gateway.memory() });
    }
    const result = await load;
    const end = await gateway.memory();
    // Warm-up: the first quarter of the run (JIT, pools, Apollo's document cache); growth is measured after it.
    const warmIndex = samples.findIndex((s) => s.t >= seconds / 4);
    const warmed = samples[Math.max(0, warmIndex)]?.usage ?? start;
    const growth = end.heapUsed - warmed.heapUsed;
    notes.push(
      `warm run: ${seconds} s of the dashboard query at 10 concurrent (${result.requestsPerSecond.toFixed(0)} req/s, ${result.non2xx} non-2xx), ` +
        `heap after a full GC every ${sampleEvery} s: ${samples.map((s) => (s.usage.heapUsed / MiB).toFixed(1)).join(', ')} MiB`,
    );
    return [
      fig('warm.rssStart', 'warm run: gateway RSS at start', start.rss / MiB, 'MiB'),
      fig('warm.rssEnd', 'warm run: gateway RSS at end', end.rss / MiB, 'MiB', { ratio: ratio(end.rss, start.rss), against: 'start' }),
      fig('warm.heapStart', 'warm run: heap used at start', start.heapUsed / MiB, 'MiB'),
      fig('warm.heapWarm', 'warm run: heap used after warm-up', warmed.heapUsed / MiB, 'MiB', { ratio: ratio(warmed.heapUsed, start.heapUsed), against: 'start' }),
      fig('warm.heapEnd', 'warm run: heap used at end', end.heapUsed / MiB, 'MiB', { ratio: ratio(end.heapUsed, warmed.heapUsed), against: 'after warm-up' }),
      fig('warm.heapGrowth', 'warm run: heap growth after warm-up', growth / MiB, 'MiB', { ratio: ratio(growth, warmed.heapUsed), against: 'after warm-up', goal: '≈ 0' }),
      fig('warm.requests', 'warm run: requests served', result.requestsPerSecond * seconds, 'requests'),
    ];
  } finally {
    await gateway.stop();
  }
}
