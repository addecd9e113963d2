/**
 * Demo seeding (docs/history.md "Demo seeding"): so that the forecast and the charts of a fresh demo have
 * something to show at once, the demo fills an empty embedded store with 30 days of simulated history,
 * marked `demo` in every row and recorded under the meta key `demo-seeded`.
 */
import type { HistoryStore } from '../store/history-store.js';
import { demoHistory, type DemoEstate } from './demo-history.js';

/** The meta key: `{ "seededAt": <epoch ms>, "upstreams": [<upstream id>, ...] }`. */
export const DEMO_SEEDED_META = 'demo-seeded';

/** The upstreams whose history the demo seeded; none when it seeded nothing (or the value is unreadable). */
export async function demoSeededUpstreams(store: HistoryStore): Promise<string[]> {
  const value = await store.getMeta(DEMO_SEEDED_META);
  if (value === undefined) return [];
  try {
    const parsed = JSON.parse(value) as { upstreams?: unknown };
    return Array.isArray(parsed.upstreams) ? parsed.upstreams.filter((u): u is string => typeof u === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Seeds the demo's 30 days once: only into a store no collector has written to and the demo has not
 * seeded, so real history is never mixed with simulated days. Answers whether it seeded.
 */
export async function seedDemoHistory(store: HistoryStore, readEstate: () => Promise<DemoEstate>, now: number): Promise<boolean> {
  if ((await store.getMeta(DEMO_SEEDED_META)) !== undefined) return false;
  if ((await store.collectorRuns({ since: 0 })).length > 0) return false;
  const estate = await readEstate();
  const rows = demoHistory(estate, now);
  await store.upsertStorageSamples(rows.storage);
  await store.upsertDdbSamples(rows.ddb);
  await store.upsertJobOutcomes(rows.jobs);
  for (const report of rows.healthReports) await store.upsertHealthReport(report);
  // Last: a start that died half-way seeds again (every write above is an upsert) rather than never.
  await store.setMeta(DEMO_SEEDED_META, JSON.stringify({ seededAt: now, upstreams: estate.upstreamIds }));
  return true;
}
