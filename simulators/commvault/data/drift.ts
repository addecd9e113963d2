import type { SimContext } from '../context.js';

const DAY_S = 86_400;

/**
 * Slowly moving figures (the demo's simulators only, `driftFigures`): storage fills and DDB Q&I time
 * creeps up from the simulator's start, at a rate fixed per object, so the gateway's collectors see a
 * trend. Deterministic by the seed's data and the simulator's clock; without drift the seeded figures stand.
 */
export function freeMBNow(ctx: SimContext, p: { storagePoolId: number; capacityMB: number; freeMB: number }): number {
  if (ctx.driftFromS === undefined || p.capacityMB <= 0) return p.freeMB;
  const days = Math.max(0, ctx.nowS() - ctx.driftFromS) / DAY_S;
  // 0.2 %..0.8 % of the capacity a day, never below 2 % free.
  const perDay = p.capacityMB * (0.002 + 0.006 * fraction(p.storagePoolId));
  return Math.max(Math.min(p.freeMB, Math.round(p.capacityMB * 0.02)), Math.round(p.freeMB - perDay * days));
}

/** A partition's average Q&I time, µs: up 1 %..3 % a day from its seeded value. */
export function avgQiNow(ctx: SimContext, p: { subStoreId: number; avgQITime: number }): number {
  if (ctx.driftFromS === undefined) return p.avgQITime;
  const days = Math.max(0, ctx.nowS() - ctx.driftFromS) / DAY_S;
  return Math.round(p.avgQITime * (1 + (0.01 + 0.02 * fraction(p.subStoreId)) * days));
}

/** A number in [0, 1) fixed per id (golden-ratio spread). */
const fraction = (id: number): number => (id * 0.6180339887) % 1;
