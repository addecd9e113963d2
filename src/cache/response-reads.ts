/**
 * What one GraphQL request read from upstreams, as the response cache needs it: whether its answer may be
 * kept, until when, and which invalidations drop it. The pipeline notes every data call of the request
 * on it (`noteRead`, `noteUncacheable`); the response cache reads it once the answer is ready. Made only
 * while the response cache is on, so a request without it pays one `undefined` check per upstream call.
 */
export interface ResponseReads {
  /** Data calls noted (cache hits, coalesced and fresh calls alike). */
  reads: number;
  /** The earliest expiry of the upstream entries the answer was built from (epoch ms). */
  expiresAtMs: number;
  /** `instance\0tag` of every entry read: invalidating any of them drops the answer. */
  readonly tagKeys: Set<string>;
  /** A call whose answer the entry cache does not hold (a write, or a read without a TTL class) took part. */
  uncacheable: boolean;
}

export function newResponseReads(): ResponseReads {
  return { reads: 0, expiresAtMs: Number.POSITIVE_INFINITY, tagKeys: new Set(), uncacheable: false };
}

/** A read the entry cache holds until `expiresAtMs` under `tags` of `instanceId`. */
export function noteRead(reads: ResponseReads, instanceId: string, tags: readonly string[] | undefined, expiresAtMs: number): void {
  reads.reads += 1;
  if (expiresAtMs < reads.expiresAtMs) reads.expiresAtMs = expiresAtMs;
  if (tags) for (const tag of tags) reads.tagKeys.add(tagKey(instanceId, tag));
}

/** A call no cached entry stands for: an answer built on it must be computed again next time. */
export function noteUncacheable(reads: ResponseReads): void {
  reads.reads += 1;
  reads.uncacheable = true;
}

/** The one spelling of an (instance, tag) pair, shared with the response cache's tag index. */
export function tagKey(instanceId: string, tag: string): string {
  return `${instanceId}\u0000${tag}`;
}
