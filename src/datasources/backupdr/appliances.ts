/**
 * A console's appliances and disk pools read whole (a handful of each per console), and an appliance's
 * disk use summed from its pools (docs/upstreams/backupdr-infrastructure.md §2). One list call each,
 * shared by every field and check that reads them: the same request gives the same cache entry.
 */
import { freePercentOf } from '../domain.js';
import type { BackupDrSource } from './backupdr-source.js';
import type { BdrCluster, BdrDiskPool } from './model.js';

/** A console's disk pools in one list call (a console holds a few dozen; the page bound is generous). */
export const CONSOLE_POOL_LIMIT = 1000;

/** A console's appliances in one list call (a handful per console). */
export const CONSOLE_APPLIANCE_LIMIT = 1000;

/** Every disk pool of the console, by console id (`GET /diskpool`). */
export async function listAllDiskPools(source: BackupDrSource): Promise<BdrDiskPool[]> {
  return (await source.list('diskpool', { defaultSort: 'id:asc', limit: CONSOLE_POOL_LIMIT })).items;
}

/** Every appliance of the console, by console id (`GET /cluster`). */
export async function listAllAppliances(source: BackupDrSource): Promise<BdrCluster[]> {
  return (await source.list('cluster', { defaultSort: 'id:asc', limit: CONSOLE_APPLIANCE_LIMIT })).items;
}

/** What an appliance's pools hold together. */
export interface ApplianceDiskUse {
  /** Pools of the appliance (every type). */
  poolCount: number;
  /** Summed over the pools that report a capacity (snapshot and dedup pools; OnVault pools report 0). */
  capacityBytes: number | null;
  usedBytes: number | null;
  freeBytes: number | null;
  freePercent: number | null;
  /** Used by pools without a capacity (OnVault object storage): counted apart, having no bound. */
  unboundedUsedBytes: number | null;
}

/**
 * Disk use of one appliance from its pools: capacity, use and free space of the pools with a capacity
 * (a pool whose capacity is 0 or unknown is object storage without a bound), the rest's use apart.
 */
export function applianceDiskUse(pools: readonly BdrDiskPool[]): ApplianceDiskUse {
  const bounded = pools.filter((p) => (p.capacityBytes ?? 0) > 0);
  const unbounded = pools.filter((p) => !((p.capacityBytes ?? 0) > 0));
  const sum = (of: readonly BdrDiskPool[], pick: (p: BdrDiskPool) => number | null): number | null => {
    const known = of.map(pick).filter((n): n is number => n !== null);
    return known.length === 0 ? null : known.reduce((a, b) => a + b, 0);
  };
  const capacityBytes = sum(bounded, (p) => p.capacityBytes);
  const freeBytes = sum(bounded, (p) => p.freeBytes);
  return {
    poolCount: pools.length,
    capacityBytes,
    usedBytes: sum(bounded, (p) => p.usedBytes),
    freeBytes,
    freePercent: freePercentOf(capacityBytes, freeBytes),
    unboundedUsedBytes: sum(unbounded, (p) => p.usedBytes),
  };
}
