/**
 * Demo seeding (docs/history.md "Demo seeding"): so that the forecast and the charts of a fresh demo have
 * something to show at once, the demo fills an empty embedded store with 30 days of simulated history,
 * marked `demo` in every row and recorded under the meta key `demo-seeded`.
 */
import type { HistoryStore } from '../store/history-store.js';

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
