import { describe, expect, it } from 'vitest';
import type { SimContext } from '../../simulators/commvault/context.js';
import { avgQiNow, freeMBNow } from '../../simulators/commvault/data/drift.js';

const DAY_S = 86_400;
const at = (nowS: number, driftFromS?: number) => ({ nowS: () => nowS, driftFromS }) as unknown as SimContext;

describe('the demo simulators\' moving figures', () => {
  const pool = { storagePoolId: 1, capacityMB: 1_000_000, freeMB: 400_000 };
  // Pool 1's rate: 0.2 % + 0.6 % x frac(0.618...) of the capacity a day.
  const perDay = 1_000_000 * (0.002 + 0.006 * (0.6180339887 % 1));

  it('leave the seeded figures as they are without drift', () => {
    expect(freeMBNow(at(10 * DAY_S), pool)).toBe(400_000);
    expect(avgQiNow(at(10 * DAY_S), { subStoreId: 3, avgQITime: 900 })).toBe(900);
  });

  it('fill storage at the pool\'s fixed rate from the simulator\'s start, never below 2 % free', () => {
    expect(freeMBNow(at(1000, 1000), pool)).toBe(400_000);
    expect(freeMBNow(at(1000 + 10 * DAY_S, 1000), pool)).toBe(Math.round(400_000 - 10 * perDay));
    expect(freeMBNow(at(1000 + 1000 * DAY_S, 1000), pool)).toBe(20_000);
  });

  it('raise Q&I time 1 %..3 % a day', () => {
    const qi = avgQiNow(at(5 * DAY_S, 0), { subStoreId: 3, avgQITime: 1000 });
    expect(qi).toBe(Math.round(1000 * (1 + (0.01 + 0.02 * ((3 * 0.6180339887) % 1)) * 5)));
    expect(qi).toBeGreaterThan(1000);
  });
});
