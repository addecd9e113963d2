import { describe, expect, it } from 'vitest';
import { AnnouncedLimits, announcedLimit } from '../../src/ratelimit/announced-limits.js';

const CONFIGURED = { capacity: 50, refillPerSecond: 1000 / 3600 };

describe('limits an upstream announces', () => {
  it('reads X-RateLimit-Limit calls per X-RateLimit-Period seconds, and nothing from partial or insane headers', () => {
    expect(announcedLimit({ 'x-ratelimit-limit': '1000', 'x-ratelimit-period': '3600' })).toEqual({ limit: 1000, periodSeconds: 3600 });
    expect(announcedLimit({ 'x-ratelimit-limit': '1000' })).toBeUndefined();
    expect(announcedLimit({ 'x-ratelimit-limit': 'many', 'x-ratelimit-period': '3600' })).toBeUndefined();
    expect(announcedLimit({ 'x-ratelimit-limit': '0', 'x-ratelimit-period': '3600' })).toBeUndefined();
    expect(announcedLimit({ 'x-ratelimit-limit': '10', 'x-ratelimit-period': '-1' })).toBeUndefined();
  });

  it('lowers the bucket to the window-safe bucket of a lower limit or a longer period, and never raises it above the configured one', () => {
    const limits = new AnnouncedLimits();
    expect(limits.effective('k', CONFIGURED)).toBe(CONFIGURED);
    limits.learn('k', { 'x-ratelimit-limit': '5', 'x-ratelimit-period': '600' });
    // 5 per 600 s: a burst of 1 (at least one token) and the other 4 spread over the period.
    expect(limits.effective('k', CONFIGURED)).toEqual({ capacity: 1, refillPerSecond: 4 / 600 });
    limits.learn('k', { 'x-ratelimit-limit': '100000', 'x-ratelimit-period': '1' });
    expect(limits.effective('k', CONFIGURED)).toBe(CONFIGURED);
    // Another bucket (another upstream, or reads beside writes) keeps its own.
    expect(limits.effective('other', CONFIGURED)).toBe(CONFIGURED);
  });
});
