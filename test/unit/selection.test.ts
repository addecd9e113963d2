import { parse, type GraphQLResolveInfo, type FieldNode, type FragmentDefinitionNode, Kind, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectsField, selectsPath } from '../../src/resolvers/selection.js';

/** The resolve info of the document's first root field, as far as the selection helpers read it. */
function infoOf(document: string, variableValues: Record<string, unknown> = {}): GraphQLResolveInfo {
  const doc = parse(document);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!op) throw new Error('no operation');
  const fragments = Object.fromEntries(
    doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  return { fieldNodes: [op.selectionSet.selections[0] as FieldNode], fragments, variableValues } as unknown as GraphQLResolveInfo;
}

const CLIENT = ['edges', 'node', 'client'];

describe('selectsPath', () => {
  it('finds a nested field through an inline fragment', () => {
    expect(selectsPath(infoOf('{ jobs { edges { node { id ... on CommvaultJob { client { name } } } } } }'), CLIENT)).toBe(true);
  });

  it('finds a nested field through fragment spreads at any level', () => {
    const doc = `
      query { jobs { ...Page } }
      fragment Page on JobConnection { edges { node { ...Job } } }
      fragment Job on Job { ... on CommvaultJob { client { id } } }`;
    expect(selectsPath(infoOf(doc), CLIENT)).toBe(true);
  });

  it('does not find a field selected at another depth or under another parent', () => {
    expect(selectsPath(infoOf('{ jobs { edges { node { id } } } }'), CLIENT)).toBe(false);
    expect(selectsPath(infoOf('{ jobs { client { id } edges { cursor } } }'), CLIENT)).toBe(false);
    expect(selectsPath(infoOf('{ jobs { pageInfo { hasNextPage } } }'), CLIENT)).toBe(false);
  });

  it('selectsField looks at direct selections only', () => {
    expect(selectsField(infoOf('{ jobs { totalCount edges { cursor } } }'), 'totalCount')).toBe(true);
    expect(selectsField(infoOf('{ jobs { edges { node { totalCount: id } } } }'), 'totalCount')).toBe(false);
  });

  it('leaves out what @skip and @include leave out, on fields, inline fragments and spreads, with variables', () => {
    expect(selectsPath(infoOf('{ jobs { edges { node { client @skip(if: true) { id } } } } }'), CLIENT)).toBe(false);
    expect(selectsPath(infoOf('{ jobs { edges { node { client @skip(if: false) { id } } } } }'), CLIENT)).toBe(true);
    expect(selectsPath(infoOf('{ jobs { edges @include(if: false) { node { client { id } } } } }'), CLIENT)).toBe(false);
    expect(selectsPath(infoOf('{ jobs { edges { node { ... on CommvaultJob @include(if: false) { client { id } } } } } }'), CLIENT)).toBe(false);
    const spread = 'query ($c: Boolean!) { jobs { edges { node { ...C @include(if: $c) } } } } fragment C on CommvaultJob { client { id } }';
    expect(selectsPath(infoOf(spread, { c: false }), CLIENT)).toBe(false);
    expect(selectsPath(infoOf(spread, { c: true }), CLIENT)).toBe(true);
    // The same field selected twice, once skipped: still selected.
    expect(selectsField(infoOf('{ jobs { totalCount @skip(if: true) totalCount } }'), 'totalCount')).toBe(true);
    expect(selectsField(infoOf('query ($t: Boolean!) { jobs { totalCount @include(if: $t) } }', { t: false }), 'totalCount')).toBe(false);
  });
});
