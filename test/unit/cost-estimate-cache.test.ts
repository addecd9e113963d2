import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { EstimateCache } from '../../src/plugins/cost/estimate-cache.js';

const MINUTE = 60_000;

describe('EstimateCache', () => {
  const document = parse('query ($n: Int) { jobs(first: $n) { totalCount } }');
  const parts = { operationName: null, variables: { n: 10 }, upstreamKey: 'cv-a,bdr-a', now: 10 * MINUTE };

  it('walks a document once per operation, variables, caller upstreams and minute', () => {
    const cache = new EstimateCache();
    let walks = 0;
    const walk = () => ++walks;
    expect(cache.estimate(document, parts, walk)).toBe(1);
    expect(cache.estimate(document, { ...parts, now: parts.now + MINUTE / 2 }, walk)).toBe(1);
    expect(cache.estimate(document, { ...parts, variables: { n: 10 } }, walk)).toBe(1);
    expect(walks).toBe(1);

    cache.estimate(document, { ...parts, variables: { n: 11 } }, walk);
    cache.estimate(document, { ...parts, upstreamKey: 'cv-a' }, walk);
    cache.estimate(document, { ...parts, operationName: 'Other' }, walk);
    cache.estimate(document, { ...parts, now: parts.now + MINUTE }, walk);
    cache.estimate(parse('query ($n: Int) { jobs(first: $n) { totalCount } }'), parts, walk);
    expect(walks).toBe(6);
  });

  it('keeps a bounded number of estimates per document', () => {
    const cache = new EstimateCache();
    let walks = 0;
    for (let n = 0; n < 200; n++) cache.estimate(document, { ...parts, variables: { n } }, () => ++walks);
    walks = 0;
    cache.estimate(document, { ...parts, variables: { n: 0 } }, () => ++walks);
    expect(walks).toBe(1);
  });
});
