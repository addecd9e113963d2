import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/errors/codes.js';
import {
  cursorScope,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  encodeCursor,
  mergePage,
  pageSize,
  slicePage,
  type PageStream,
} from '../../src/paging/pagination.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

/** A stream of numbers sorted descending (the merge's order), served `first` at a time from `offset`. */
function stream(key: string, all: number[], offset: number, first: number): PageStream<number> {
  return { key, offset, total: all.length, items: all.slice(offset, offset + first) };
}

const desc = (a: number, b: number) => a > b;

describe('page size', () => {
  it('defaults to 20', () => {
    expect(pageSize(undefined, 500)).toBe(DEFAULT_PAGE_SIZE);
    expect(pageSize(null, 500)).toBe(20);
  });

  it('accepts 1..maxPageSize', () => {
    expect(pageSize(1, 500)).toBe(1);
    expect(pageSize(500, 500)).toBe(500);
  });

  it.each([0, -1, 501, 100000, 2.5])('rejects first=%s with BAD_USER_INPUT', (first) => {
    expect(codeOf(() => pageSize(first, 500))).toBe(ErrorCode.BAD_USER_INPUT);
  });
});

describe('cursors', () => {
  it('round-trip per-instance offsets', () => {
    const cursor = encodeCursor({ 'cv-a': 3, 'cv-b': 0 }, 'scope1');
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, 'scope1')).toEqual({ 'cv-a': 3, 'cv-b': 0 });
  });

  it('absent cursor means the start', () => {
    expect(decodeCursor(undefined)).toEqual({});
    expect(decodeCursor(null)).toEqual({});
  });

  it.each([
    ['garbage', 'not a cursor!'],
    ['base64 of non-JSON', Buffer.from('hello').toString('base64url')],
    ['wrong version', Buffer.from(JSON.stringify({ v: 9, s: '', o: {} })).toString('base64url')],
    ['negative offset', Buffer.from(JSON.stringify({ v: 1, s: '', o: { a: -1 } })).toString('base64url')],
    ['fractional offset', Buffer.from(JSON.stringify({ v: 1, s: '', o: { a: 1.5 } })).toString('base64url')],
    ['offsets not an object', Buffer.from(JSON.stringify({ v: 1, s: '', o: [1] })).toString('base64url')],
  ])('rejects a malformed cursor (%s) with BAD_USER_INPUT', (_name, cursor) => {
    expect(codeOf(() => decodeCursor(cursor))).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it('rejects a cursor issued for another query', () => {
    const cursor = encodeCursor({ a: 1 }, cursorScope(['jobs', { status: ['FAILED'] }]));
    expect(codeOf(() => decodeCursor(cursor, cursorScope(['jobs', { status: ['RUNNING'] }])))).toBe(ErrorCode.BAD_USER_INPUT);
  });
});

describe('k-way merge', () => {
  const a = [100, 90, 50, 40, 10];
  const b = [95, 60, 55, 5];
  const c = [99, 1];

  it('merges in order and records how far each stream was consumed', () => {
    const page = mergePage([stream('a', a, 0, 4), stream('b', b, 0, 4), stream('c', c, 0, 4)], 4, desc);
    expect(page.edges.map((e) => e.node)).toEqual([100, 99, 95, 90]);
    expect(page.edges.map((e) => e.key)).toEqual(['a', 'c', 'b', 'a']);
    expect(decodeCursor(page.pageInfo.endCursor)).toEqual({ a: 2, b: 1, c: 1 });
    expect(decodeCursor(page.edges[0].cursor)).toEqual({ a: 1, b: 0, c: 0 });
    expect(page.totalCount).toBe(11);
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  });

  it('walks every item exactly once with after-cursors, whatever the page size', () => {
    for (const first of [1, 2, 3, 7, 20]) {
      const seen: number[] = [];
      let offsets = decodeCursor(undefined);
      for (let guard = 0; guard < 50; guard++) {
        const page = mergePage(
          [stream('a', a, offsets.a ?? 0, first), stream('b', b, offsets.b ?? 0, first), stream('c', c, offsets.c ?? 0, first)],
          first,
          desc,
        );
        seen.push(...page.edges.map((e) => e.node));
        if (!page.pageInfo.hasNextPage) break;
        offsets = decodeCursor(page.pageInfo.endCursor);
      }
      expect(seen).toEqual([...a, ...b, ...c].sort((x, y) => y - x));
    }
  });

  it('never skips or repeats even when streams are not mutually ordered', () => {
    const x = [1, 2, 3];
    const y = [10, 20, 30];
    const seen: number[] = [];
    let offsets = decodeCursor(undefined);
    for (let guard = 0; guard < 10; guard++) {
      const page = mergePage([stream('x', x, offsets.x ?? 0, 2), stream('y', y, offsets.y ?? 0, 2)], 2, desc);
      seen.push(...page.edges.map((e) => e.node));
      if (!page.pageInfo.hasNextPage) break;
      offsets = decodeCursor(page.pageInfo.endCursor);
    }
    expect(seen.sort((p, q) => p - q)).toEqual([1, 2, 3, 10, 20, 30]);
  });

  it('carries the position of a stream left out of this page (a failed upstream)', () => {
    const page = mergePage([stream('a', a, 2, 2)], 2, desc, { carried: { a: 2, b: 3 } });
    expect(decodeCursor(page.pageInfo.endCursor)).toEqual({ a: 4, b: 3 });
    expect(page.pageInfo.hasPreviousPage).toBe(true);
  });

  it('gives an empty page with null cursors when nothing is left', () => {
    const page = mergePage([stream('a', a, 5, 3)], 3, desc);
    expect(page.edges).toEqual([]);
    expect(page.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null });
  });

  it('slices one in-memory list', () => {
    const first = slicePage(['a', 'b', 'c'], 'cv', 2, {});
    expect(first.edges.map((e) => e.node)).toEqual(['a', 'b']);
    const second = slicePage(['a', 'b', 'c'], 'cv', 2, decodeCursor(first.pageInfo.endCursor));
    expect(second.edges.map((e) => e.node)).toEqual(['c']);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });
});
