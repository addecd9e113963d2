import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { depthLimitRule } from '../../src/plugins/depth-limit.rule.js';

const schema = buildSchema(`
  type Query { node: Node }
  type Node { name: String child: Node }
`);

function depthErrors(source: string, maxDepth: number) {
  return validate(schema, parse(source), [depthLimitRule(maxDepth)]);
}

/** F0 … F(n-1) each spread the next one twice, beside and under a `child`: depth n + 2, 2^n paths. */
function doublingChain(n: number): string {
  const fragments = Array.from({ length: n }, (_, i) => `fragment F${i} on Node { name ...F${i + 1} child { ...F${i + 1} } }`);
  return `query { node { ...F0 } } ${fragments.join(' ')} fragment F${n} on Node { name }`;
}

describe('depthLimitRule', () => {
  it('counts depth through fragments and reports it with QUERY_TOO_COMPLEX', () => {
    const source = 'query { node { ...A } } fragment A on Node { child { child { ...B } } } fragment B on Node { child { name } }';
    expect(depthErrors(source, 5)).toEqual([]);
    const [error] = depthErrors(source, 4);
    expect(error?.message).toBe('Operation is nested 5 levels deep; the limit is 4');
    expect(error?.extensions.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('walks each fragment once, so a chain spreading every fragment twice is measured rather than hanging', () => {
    // 26 levels: 2^26 paths (half a minute) for a walk that follows every spread, past this test's timeout.
    const [error] = depthErrors(doublingChain(26), 12);
    expect(error?.message).toBe('Operation is nested 28 levels deep; the limit is 12');
  }, 5_000);

  it('ignores introspection fields and stops at fragment cycles (left to NoFragmentCycles)', () => {
    expect(depthErrors('query { __schema { types { fields { type { ofType { ofType { name } } } } } } }', 2)).toEqual([]);
    const [error] = depthErrors('query { node { ...A } } fragment A on Node { child { ...B } } fragment B on Node { child { ...A } }', 1);
    expect(error?.message).toBe('Operation is nested 3 levels deep; the limit is 1');
  });
});
