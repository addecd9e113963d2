export type CircuitState = 'closed' | 'half-open' | 'open';

/** Options of one instance's breaker (from `upstream.breaker`). */
export interface CircuitBreakerOptions {
  /** Consecutive failed calls (connection errors, timeouts, 5xx) that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open before one trial call may go. */
  cooldownMs: number;
  /** Clock in ms. @default Date.now */
  now?: () => number;
  /** Told about every state change (metrics, logs). */
  onStateChange?: (state: CircuitState) => void;
}

/**
 * Per-instance circuit breaker. Closed: calls go, consecutive failures are counted. Open: calls fail at
 * once, without touching the network, until `cooldownMs` has passed. Half-open: exactly one trial call
 * goes; its success closes the circuit, its failure opens it for another cooldown. Any answer that is
 * not a failure (2xx, 4xx, an error in a 200 body) proves the upstream alive and resets the count.
 *
 * Every `tryAcquire()` that returned true must be followed by exactly one of `recordSuccess`,
 * `recordFailure` or `release` (the call ended without an upstream verdict).
 */
export class CircuitBreaker {
  private readonly options: CircuitBreakerOptions;
  private readonly now: () => number;
  private current: CircuitState = 'closed';
  private consecutiveFailures = 0;
  private openedAtMs = 0;
  private trialInFlight = false;

  constructor(options: CircuitBreakerOptions) {
    this.options = options;
    this.now = options.now ?? Date.now;
  }

  get state(): CircuitState {
    return this.current;
  }

  /** Whether a call may go now. In half-open state only the first caller (the trial) gets true. */
  tryAcquire(): boolean {
    if (this.current === 'closed') return true;
    if (this.current === 'open') {
      if (this.retryAfterMs() > 0) return false;
      this.transition('half-open');
    }
    if (this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  /** Milliseconds until a trial call may go (0 when calls may go now or a trial may start). */
  retryAfterMs(): number {
    if (this.current !== 'open') return 0;
    return Math.max(0, this.openedAtMs + this.options.cooldownMs - this.now());
  }

  recordSuccess(): void {
    this.trialInFlight = false;
    this.consecutiveFailures = 0;
    if (this.current !== 'closed') this.transition('closed');
  }

  recordFailure(): void {
    this.trialInFlight = false;
    this.consecutiveFailures += 1;
    if (this.current === 'half-open' || (this.current === 'closed' && this.consecutiveFailures >= this.options.failureThreshold)) {
      this.openedAtMs = this.now();
      this.transition('open');
    }
  }

  /** The permitted call ended without reaching a verdict; a half-open trial may be taken by the next caller. */
  release(): void {
    this.trialInFlight = false;
  }

  private transition(state: CircuitState): void {
    this.current = state;
    this.options.onStateChange?.(state);
  }
}
