/**
 * Why one attempt to deliver a notification failed, as the channel judged it: whether another attempt
 * could succeed (`retryable`) and how long the receiver asked us to wait (`retryAfterMs`, from a 429's
 * or 503's Retry-After). Its message is what the delivery log keeps as `lastError`, so it never names a
 * URL, an address's password or a secret.
 */
export class DeliveryFailure extends Error {
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(message: string, retryable: boolean, retryAfterMs?: number) {
    super(message);
    this.name = 'DeliveryFailure';
    this.retryable = retryable;
    this.retryAfterMs = retryAfterMs;
  }
}

/** Any error a channel let through, as a failure: unknown errors are retried (a bug shows up as FAILED after the last attempt). */
export function asDeliveryFailure(e: unknown): DeliveryFailure {
  if (e instanceof DeliveryFailure) return e;
  return new DeliveryFailure(`unexpected error: ${e instanceof Error ? e.message : String(e)}`, true);
}
