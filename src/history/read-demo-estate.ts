import { execute, parse, type GraphQLSchema } from 'graphql';
import type { GatewayContext } from '../context.js';
import type { DemoEstate } from './demo-history.js';

/** The figures demo seeding ends at, read through the graph itself (the same pipeline as any query). */
const ESTATE = parse(`{
  upstreams { id }
  storagePools { id upstream { id } capacityBytes freeBytes }
  commvaultDdbStores { id upstream { id } avgQiMicros freeBytes }
}`);

interface EstateAnswer {
  upstreams: Array<{ id: string }>;
  storagePools: Array<{ id: string; upstream: { id: string }; capacityBytes: number | null; freeBytes: number | null }> | null;
  commvaultDdbStores: Array<{ id: string; upstream: { id: string }; avgQiMicros: number | null; freeBytes: number | null }> | null;
}

/** What the estate holds now; targets without capacity figures are left out (nothing to draw a line to). */
export async function readDemoEstate(schema: GraphQLSchema, contextValue: GatewayContext): Promise<DemoEstate> {
  const result = await execute({ schema, document: ESTATE, contextValue });
  const data = result.data as EstateAnswer | null | undefined;
  if (!data) throw new Error(`demo estate unreadable: ${result.errors?.[0]?.message ?? 'no data'}`);
  return {
    upstreamIds: data.upstreams.map((u) => u.id),
    targets: (data.storagePools ?? []).flatMap((p) =>
      p.capacityBytes !== null && p.freeBytes !== null && p.capacityBytes > 0
        ? [{ upstreamId: p.upstream.id, targetId: p.id, totalBytes: p.capacityBytes, freeBytes: p.freeBytes }]
        : [],
    ),
    ddbStores: (data.commvaultDdbStores ?? []).map((s) => ({ upstreamId: s.upstream.id, storeId: s.id, qiTimeMicros: s.avgQiMicros, freeBytes: s.freeBytes })),
  };
}
