import type { VisibleUpstream } from '../datasources/registry.js';
import { upstreamRef, type UpstreamRef } from '../datasources/record.js';

/** The `Upstream` of a visible upstream: the same frozen reference its records carry. */
export const upstreamOfVisible = (u: VisibleUpstream): UpstreamRef => upstreamRef(u.id, u.graphKind);
