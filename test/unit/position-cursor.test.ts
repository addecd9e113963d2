import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/errors/codes.js';
import { cursorScope } from '../../src/paging/pagination.js';
import { decodePositionCursor, encodePositionCursor, type PositionCursor } from '../../src/paging/position-cursor.js';

const badInput = expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT });

const scope = cursorScope(['jobs', ['cv-a', 'bdr-a'], { status: ['FAILED'] }]);
const cursor: PositionCursor = {
  position: { at: 1_767_313_436_000, upstream: 'cv-a', id: '1426069' },
  hints: { 'cv-a': 120 },
  resume: { 'bdr-a': { at: 1_767_313_000_000, upstream: 'bdr-a', id: '709575' }, 'cv-b': null },
};

/** The cursor with one character of its body replaced by another valid base64url character. */
function edited(text: string, index: number): string {
  const c = text[index] === 'A' ? 'B' : 'A';
  return text.slice(0, index) + c + text.slice(index + 1);
}

describe('position cursors', () => {
  it('round-trip the place, the offset hints and the upstreams with a place of their own', () => {
    const text = encodePositionCursor(cursor, scope);
    expect(text).toMatch(/^[A-Za-z0-9_-]+\.[0-9a-z]+$/);
    expect(decodePositionCursor(text, scope)).toEqual(cursor);
  });

  it('keep a place without a time (a job that reports neither start nor queue time)', () => {
    const untimed: PositionCursor = { position: { at: null, upstream: 'cv-a', id: '7' }, hints: {}, resume: {} };
    expect(decodePositionCursor(encodePositionCursor(untimed, scope), scope)).toEqual(untimed);
  });

  it('mean the start of the list when absent', () => {
    expect(decodePositionCursor(undefined, scope)).toBeNull();
    expect(decodePositionCursor(null, scope)).toBeNull();
  });

  it('are refused with BAD_USER_INPUT for another filter of the same list', () => {
    const other = cursorScope(['jobs', ['cv-a', 'bdr-a'], { status: ['RUNNING'] }]);
    expect(() => decodePositionCursor(encodePositionCursor(cursor, scope), other)).toThrow(badInput);
  });

  it('are refused with BAD_USER_INPUT when any character of the body is changed', () => {
    const text = encodePositionCursor(cursor, scope);
    const body = text.indexOf('.');
    for (let i = 0; i < body; i++) expect(() => decodePositionCursor(edited(text, i), scope), `character ${i}`).toThrow(badInput);
  });

  it('are refused with BAD_USER_INPUT when the place is rewritten and re-encoded without the check', () => {
    const text = encodePositionCursor(cursor, scope);
    const [body, check] = text.split('.') as [string, string];
    const json = Buffer.from(body, 'base64url').toString('utf8').replace('1426069', '1');
    expect(() => decodePositionCursor(`${Buffer.from(json).toString('base64url')}.${check}`, scope)).toThrow(badInput);
  });

  it.each([
    ['garbage', 'not a cursor!'],
    ['no check', Buffer.from('[2,[1,"a","1"],{},[]]').toString('base64url')],
    ['an offset cursor of another list', Buffer.from(JSON.stringify({ v: 1, s: '', o: { a: 3 } })).toString('base64url')],
    ['cut off', encodePositionCursor(cursor, scope).slice(0, 20)],
    ['empty', ''],
  ])('are refused with BAD_USER_INPUT when malformed (%s)', (_name, text) => {
    expect(() => decodePositionCursor(text, scope)).toThrow(badInput);
  });
});
