import { describe, expect, it } from 'vitest';
import { CircuitBreaker, type CircuitState } from '../../src/datasources/pipeline/circuit-breaker.js';

function breaker(failureThreshold = 3, cooldownMs = 1000) {
  let t = 0;
  const states: CircuitState[] = [];
  const b = new CircuitBreaker({ failureThreshold, cooldownMs, now: () => t, onStateChange: (s) => states.push(s) });
  return { b, states, advance: (ms: number) => (t += ms) };
}

function fail(b: CircuitBreaker, times: number) {
  for (let i = 0; i < times; i++) {
    expect(b.tryAcquire()).toBe(true);
    b.recordFailure();
  }
}

describe('CircuitBreaker', () => {
  it('opens after failureThreshold consecutive failures and then refuses calls', () => {
    const { b, states } = breaker(3);
    fail(b, 2);
    expect(b.state).toBe('closed');
    fail(b, 1);
    expect(b.state).toBe('open');
    expect(states).toEqual(['open']);
    expect(b.tryAcquire()).toBe(false);
    expect(b.retryAfterMs()).toBe(1000);
  });

  it('resets the count on any non-failure answer', () => {
    const { b } = breaker(3);
    fail(b, 2);
    b.tryAcquire();
    b.recordSuccess();
    fail(b, 2);
    expect(b.state).toBe('closed');
  });

  it('lets exactly one trial call through after the cooldown', () => {
    const { b, advance } = breaker(1, 1000);
    fail(b, 1);
    advance(999);
    expect(b.tryAcquire()).toBe(false);
    advance(1);
    expect(b.tryAcquire()).toBe(true);
    expect(b.state).toBe('half-open');
    expect(b.tryAcquire()).toBe(false);
  });

  it('closes when the trial succeeds', () => {
    const { b, advance, states } = breaker(1, 1000);
    fail(b, 1);
    advance(1000);
    b.tryAcquire();
    b.recordSuccess();
    expect(b.state).toBe('closed');
    expect(b.tryAcquire()).toBe(true);
    expect(states).toEqual(['open', 'half-open', 'closed']);
  });

  it('opens again for another cooldown when the trial fails', () => {
    const { b, advance } = breaker(1, 1000);
    fail(b, 1);
    advance(1000);
    b.tryAcquire();
    b.recordFailure();
    expect(b.state).toBe('open');
    expect(b.retryAfterMs()).toBe(1000);
  });

  it('frees the trial slot when the trial ends without a verdict', () => {
    const { b, advance } = breaker(1, 1000);
    fail(b, 1);
    advance(1000);
    expect(b.tryAcquire()).toBe(true);
    b.release();
    expect(b.tryAcquire()).toBe(true);
  });
});
