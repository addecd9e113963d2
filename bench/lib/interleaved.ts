import { Pool } from 'undici';
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

/**
 * A probe posting `body` to `url`'s /graphql over one keep-alive connection and reading the whole
 * answer as bytes (no JSON parse: the load generator of the other runs does not parse either).
 */
export function httpProbe(baseUrl: string, body: string, headers: Record<string, string>): { probe: Probe; close(): Promise<void> } {
  const pool = new Pool(baseUrl, { connections: 1, pipelining: 1 });
  return {
    async probe() {
      const res = await pool.request({ path: '/graphql', method: 'POST', headers, body });
      await res.body.arrayBuffer();
      if (res.statusCode !== 200) throw new Error(`probe got HTTP ${res.statusCode}`);
    },
    close: () => pool.close(),
  };
}
