import { nowMs } from './stats.js';

/** One thing to time: called once per sample, resolves when the sample is complete. */
export type Probe = () => unknown;

/**
 * Times several probes in alternating short blocks for about `ms` milliseconds and returns each
 * probe's samples (ms). On a shared 2-core machine the speed changes from second to second; timing one
 * probe for ten seconds and then another compares two different machines. Alternating blocks of a few
 * samples puts every probe through the same slow and fast stretches, so their difference is the
 * gateway's, not the neighbours'.
 */
export async function interleaved(probes: Record<string, Probe>, ms: number, perBlock = 5): Promise<Record<string, number[]>> {
  const names = Object.keys(probes);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const end = nowMs() + ms;
  while (nowMs() < end) {
    for (const name of names) {
      for (let i = 0; i < perBlock; i++) {
        const started = nowMs();
        await probes[name]();
        samples[name].push(nowMs() - started);
      }
    }
  }
  return samples;
}
