/**
 * Polls `check` every 20 ms until it holds, and fails when it still does not after `boundMs`: a test
 * of "visible within N ms" that neither sleeps longer than needed nor passes on a lucky sleep.
 * Resolves to the time it took.
 */
export async function within(boundMs: number, check: () => Promise<boolean> | boolean): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > boundMs) throw new Error(`condition still false after ${boundMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
