import { nowMs } from './stats.js';

/** One thing to time: called once per sample, resolves (or returns) when the sample is complete. */
export type Probe = () => unknown;

/**
 * Times several probes in alternating blocks of `blockMs` for about `ms` milliseconds and returns each
 * probe's samples (ms). On a shared 2-core machine the speed changes from second to second (the static
 * floor measured 1.05 ms and 2.1 ms minutes apart); timing one probe for ten seconds and then another
 * compares two different machines. Quarter-second blocks put every probe through the same slow and
 * fast stretches. The first `skipPerBlock` samples of a block are dropped: a process woken after
 * another's block first pays for cold caches, which is the switching's cost, not the probe's.
 */
export async function interleaved(
  probes: Record<string, Probe>,
  ms: number,
  { blockMs = 250, skipPerBlock = 2 }: { blockMs?: number; skipPerBlock?: number } = {},
): Promise<Record<string, number[]>> {
  const names = Object.keys(probes);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const end = nowMs() + ms;
  while (nowMs() < end) {
    for (const name of names) {
      const blockEnd = nowMs() + blockMs;
      for (let i = 0; nowMs() < blockEnd || i <= skipPerBlock; i++) {
        const started = nowMs();
        await probes[name]();
        if (i >= skipPerBlock) samples[name].push(nowMs() - started);
      }
    }
  }
  return samples;
}
