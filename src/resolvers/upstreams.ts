import type { VisibleUpstream } from '../datasources/registry.js';
import type { Upstream } from '../schema/unified/upstream.type.js';
import type { UpstreamKind } from '../schema/unified/upstream-kind.enum.js';

const byKey = new Map<string, Upstream>();

/** One frozen `Upstream` per instance and kind (the graph's UpstreamKind value): every object of the instance may share it. */
export function upstreamRef(id: string, graphKind: string): Upstream {
  const key = `${graphKind}\u0000${id}`;
  let up = byKey.get(key);
  if (!up) byKey.set(key, (up = Object.freeze({ id, kind: graphKind as UpstreamKind })));
  return up;
}

/** The `Upstream` of a visible upstream. */
export const upstreamOfVisible = (u: VisibleUpstream): Upstream => upstreamRef(u.id, u.graphKind);
