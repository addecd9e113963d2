/**
 * RATE_LIMITED is the gateway saying an upstream's call budget cannot serve the whole operation now (the
 * demo's Cloud tenant has a small one), with the wait it advises. A frontend asks again after that wait.
 */

type WithExtensions = { errors?: ReadonlyArray<{ extensions?: { code?: unknown; retryAfterMs?: unknown } }> };

/** The advised wait, when every error of an answer is RATE_LIMITED; otherwise undefined. */
export function retryAfterMs(error: unknown): number | undefined {
  const errors = (error as WithExtensions | undefined)?.errors;
  if (!errors?.length || !errors.every((e) => e.extensions?.code === 'RATE_LIMITED')) return undefined;
  const wait = errors[0]?.extensions?.retryAfterMs;
  return typeof wait === 'number' ? wait : undefined;
}

/** Runs `ask`, and again after each advised wait (telling `waiting` how long), at most `attempts` times. */
export async function askPatiently<R extends { error?: unknown }>(ask: () => Promise<R>, waiting: (ms: number) => void, attempts = 3): Promise<R> {
  for (let attempt = 1; ; attempt += 1) {
    const result = await ask();
    const wait = retryAfterMs(result.error);
    if (wait === undefined || attempt >= attempts) return result;
    waiting(wait);
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
