import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { countTokens, measureOperation } from '../../src/plugins/document-limits.plugin.js';

const measure = (text: string, name?: string) => {
  const document = parse(text);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (name === undefined || d.name?.value === name),
  )!;
  return measureOperation(document, operation);
};

describe('countTokens', () => {
  it('counts tokens as graphql-js maxTokens does: punctuation, names and values, not comments', () => {
    expect(countTokens('{ a }')).toBe(3);
    expect(countTokens('# a comment\n{ a(x: "s", y: [1, 2]) }')).toBe(14);
  });

  it('stops once past the given bound, however long the text', () => {
    expect(countTokens(`{${' a'.repeat(100_000)} }`, 10)).toBe(11);
  });

  it('counts up to a lexical error and does not throw', () => {
    expect(countTokens('{ a \u0000 b }')).toBe(2);
  });
});

describe('measureOperation', () => {
  it('counts aliases, root fields and directives of the operation', () => {
    expect(measure('query Q($x: Boolean!) { a: jobs @include(if: $x) { b: id } c: upstreams { id @skip(if: $x) } __typename }')).toEqual({
      aliases: 3,
      rootFields: 3,
      directives: 2,
    });
  });

  it('counts a fragment at each spread, and its root fields where it is spread at the root', () => {
    expect(measure('fragment F on Query { x: a y: b @skip(if: true) } { ...F ...F z: c }')).toEqual({ aliases: 5, rootFields: 5, directives: 2 });
  });

  it('measures only the operation asked for', () => {
    expect(measure('query A { a: x } query B { b: x c: x }', 'B').aliases).toBe(2);
  });

  it('counts a chain of fragments each spreading the next twice without walking it exponentially', () => {
    const chain = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Query { ${i < 39 ? `...F${i + 1} ...F${i + 1}` : 'x: a'} }`).join(' ');
    const started = performance.now();
    const figures = measure(`{ ...F0 } ${chain}`);
    expect(performance.now() - started).toBeLessThan(50);
    expect(figures.aliases).toBe(2 ** 39);
    expect(figures.rootFields).toBe(2 ** 39);
  });

  it('adds nothing for a fragment cycle (validation reports it)', () => {
    expect(measure('fragment A on Query { x: a ...B } fragment B on Query { ...A } { ...A }').aliases).toBe(1);
  });
});
