/**
 * One id sequence for every object, as the console's database gives: an id never names two different
 * kinds of object, so "unknown id" answers are unambiguous in tests. Steps are small and seeded so ids
 * look like the real ones ("709575") without being contiguous.
 */
import type { Prng } from '../../common/prng.js';

export class IdAllocator {
  private current: number;

  constructor(
    private readonly random: Prng,
    start: number,
  ) {
    this.current = start;
  }

  next(): string {
    this.current += this.random.int(1, 7);
    return String(this.current);
  }
}

export const MICROS_PER_MS = 1000;
export const MICROS_PER_SECOND = 1_000_000;
export const MICROS_PER_HOUR = 3_600 * MICROS_PER_SECOND;
export const MICROS_PER_DAY = 24 * MICROS_PER_HOUR;

/** Zero-padded sequence numbers as in `Job_0198174` / `Image_0196638`. */
export function seqName(prefix: string, n: number): string {
  return `${prefix}_${String(n).padStart(7, '0')}`;
}
