import { errorCode, type GraphQLAnswer } from './graphql-client.js';

/** What open-loop callers got: served, refused RATE_LIMITED (with the retry hints), or another error. */
export interface CallerOutcomes {
  served: number;
  /** Served later than `queuedAfterMs`: waited in the token queue first. */
  queued: number;
  rateLimited: number;
  retryAfter: number[];
  other: number;
  otherCodes: Map<string, number>;
}

export function tallyCallers(results: ReadonlyArray<{ value?: GraphQLAnswer }>, queuedAfterMs: number): CallerOutcomes {
  const o: CallerOutcomes = { served: 0, queued: 0, rateLimited: 0, retryAfter: [], other: 0, otherCodes: new Map() };
  for (const r of results) {
    const code = r.value ? errorCode(r.value) : 'TRANSPORT';
    if (code === undefined) {
      o.served += 1;
      if ((r.value?.ms ?? 0) > queuedAfterMs) o.queued += 1;
    } else if (code === 'RATE_LIMITED') {
      o.rateLimited += 1;
      const ms = r.value?.body.errors?.[0]?.extensions?.retryAfterMs;
      if (typeof ms === 'number') o.retryAfter.push(ms);
    } else {
      o.other += 1;
      o.otherCodes.set(code, (o.otherCodes.get(code) ?? 0) + 1);
    }
  }
  return o;
}
