import type { BucketConfig } from '../config/schema.js';
import { windowSafeBucket, type WindowLimit } from './window-safe-bucket.js';

/** An upstream's own statement of its budget: `limit` calls per `periodSeconds`. */
export type AnnouncedLimit = WindowLimit;

/**
 * `X-RateLimit-Limit` and `X-RateLimit-Period` (seconds), as Commvault Cloud sends them
 * (docs/upstreams/commvault.md §9.2); undefined unless both are there and sane.
 */
export function announcedLimit(headers: Readonly<Record<string, string | undefined>>): AnnouncedLimit | undefined {
  const limit = Number(headers['x-ratelimit-limit']?.trim());
  const periodSeconds = Number(headers['x-ratelimit-period']?.trim());
  if (!Number.isFinite(limit) || limit < 1 || !Number.isFinite(periodSeconds) || periodSeconds <= 0) return undefined;
  return { limit, periodSeconds };
}

/**
 * What the upstreams announced, per bucket: the gateway spends from the lower of its configured bucket
 * and the window-safe bucket of the announced budget (windowSafeBucket: never more than the limit in any
 * span of the period, so a fixed window is never overspent; a lower limit or a longer period lowers it, a
 * higher one never raises the configured bucket). Upstreams that announce nothing keep the configured bucket.
 */
export class AnnouncedLimits {
  private readonly byBucket = new Map<string, AnnouncedLimit>();

  /** Records what an answer announced for the bucket its call spent from. */
  learn(bucketKey: string, headers: Readonly<Record<string, string | undefined>>): void {
    const announced = announcedLimit(headers);
    if (!announced) return;
    const known = this.byBucket.get(bucketKey);
    if (known && known.limit === announced.limit && known.periodSeconds === announced.periodSeconds) return;
    this.byBucket.set(bucketKey, announced);
  }

  /** The bucket to spend from: the configured one, lowered to what the upstream announced. */
  effective(bucketKey: string, configured: BucketConfig): BucketConfig {
    const announced = this.byBucket.get(bucketKey);
    if (!announced) return configured;
    const { capacity, refillPerSecond } = windowSafeBucket(announced, configured);
    return capacity === configured.capacity && refillPerSecond === configured.refillPerSecond ? configured : { capacity, refillPerSecond };
  }
}
