import { execute, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { GatewayContext } from '../context.js';
import { WINDOW_BUDGET_KINDS } from '../products.js';
import type { DemoEstate } from './demo-history.js';

/**
 * The figures demo seeding ends at, read through the graph itself (the same pipeline as any query): the
 * storage pool and DDB store lists, one call per upstream each. DDB Q&I times would take a detail call per
 * store, so the seeded Q&I series ends at a typical figure and the first collection carries on from the
 * real one. An upstream whose read budget is not certainly ample (a Cloud tenant's small burst) is not
 * read and not seeded: the demo's first callers must find its budget whole.
 */
const POOLS = parse('query($u: ID) { storagePools(upstream: $u) { id upstream { id } capacityBytes freeBytes } }');
const DDB_STORES = parse('query($u: ID) { commvaultDdbStores(upstream: $u) { id upstream { id } } }');

/** Calls an upstream's bucket must certainly have room for before seeding reads it. */
const AMPLE_CALLS = 50;
/** A healthy store's average Q&I time, µs (under the 1000 µs warning threshold). */
const TYPICAL_QI_MICROS = 600;

type Pool = { id: string; upstream: { id: string }; capacityBytes: number | null; freeBytes: number | null };

/** What the estate holds now; targets without capacity figures are left out (nothing to draw a line to). */
export async function readDemoEstate(schema: GraphQLSchema, contextValue: GatewayContext): Promise<DemoEstate> {
  const run = async <T>(document: DocumentNode, u: string): Promise<T | undefined> => {
    const result = await execute({ schema, document, contextValue, variableValues: { u } });
    return (result.data ?? undefined) as T | undefined;
  };
  const estate: DemoEstate = { upstreamIds: [], targets: [], ddbStores: [] };
  for (const upstream of contextValue.sources.upstreams()) {
    // A Cloud tenant's window-safe burst is what the demo's first page needs whole (docs/history.md
    // "Demo seeding"): never spend it on seeding, whatever the bucket says at this moment.
    if (WINDOW_BUDGET_KINDS.has(upstream.kind)) continue;
    if ((await contextValue.sources.budget(upstream.id, 'read', AMPLE_CALLS)) !== undefined) continue;
    const pools = await run<{ storagePools: Pool[] }>(POOLS, upstream.id);
    if (!pools) continue;
    estate.upstreamIds.push(upstream.id);
    for (const p of pools.storagePools) {
      if (p.capacityBytes !== null && p.freeBytes !== null && p.capacityBytes > 0) {
        estate.targets.push({ upstreamId: p.upstream.id, targetId: p.id, totalBytes: p.capacityBytes, freeBytes: p.freeBytes });
      }
    }
    // Only products with DDB stores answer this; for the others it is an error, and nothing to seed.
    const stores = await run<{ commvaultDdbStores: Array<{ id: string; upstream: { id: string } }> }>(DDB_STORES, upstream.id);
    for (const s of stores?.commvaultDdbStores ?? []) estate.ddbStores.push({ upstreamId: s.upstream.id, storeId: s.id, qiTimeMicros: TYPICAL_QI_MICROS, freeBytes: null });
  }
  return estate;
}
