import { nowMs, sleep } from './stats.js';

/**
 * Open-loop demand: request i is sent at start + i / rate, whether or not earlier ones have been
 * answered — the way independent callers arrive, and the only way to demand more than the upstream
 * budget allows (a closed loop slows down with its answers). Resolves when every request settled.
 */
export async function openLoop<T>(o: { ratePerSecond: number; durationSeconds: number; send: (i: number) => Promise<T> }): Promise<{
  results: Array<{ i: number; sentAtMs: number; value?: T; error?: unknown }>;
  startedMs: number;
  lastSentMs: number;
  settledMs: number;
}> {
  const total = Math.round(o.ratePerSecond * o.durationSeconds);
  const interval = 1000 / o.ratePerSecond;
  const started = nowMs();
  const pending: Array<Promise<{ i: number; sentAtMs: number; value?: T; error?: unknown }>> = [];
  let lastSent = started;
  for (let i = 0; i < total; i += 1) {
    const due = started + i * interval;
    const wait = due - nowMs();
    if (wait > 0) await sleep(wait);
    lastSent = nowMs();
    const sentAtMs = lastSent - started;
    pending.push(o.send(i).then((value) => ({ i, sentAtMs, value }), (error: unknown) => ({ i, sentAtMs, error })));
  }
  const results = await Promise.all(pending);
  return { results, startedMs: started, lastSentMs: lastSent, settledMs: nowMs() };
}
