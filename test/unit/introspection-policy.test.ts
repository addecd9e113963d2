import { getIntrospectionQuery, getOperationAST, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectsIntrospection } from '../../src/plugins/introspection-policy.plugin.js';

const selects = (text: string) => {
  const document = parse(text);
  return selectsIntrospection(document, getOperationAST(document)!);
};

describe('selectsIntrospection', () => {
  it('finds __schema and __type at the root, directly or through fragments', () => {
    expect(selects(getIntrospectionQuery())).toBe(true);
    expect(selects('{ __type(name: "Job") { name } }')).toBe(true);
    expect(selects('{ ... on Query { __schema { types { name } } } }')).toBe(true);
    expect(selects('{ ...A } fragment A on Query { ...B } fragment B on Query { __schema { queryType { name } } }')).toBe(true);
  });

  it('lets __typename and ordinary fields through, and survives fragment cycles', () => {
    expect(selects('{ __typename upstreams { __typename id } }')).toBe(false);
    expect(selects('{ ...A } fragment A on Query { ...A upstreams { id } }')).toBe(false);
  });
});
