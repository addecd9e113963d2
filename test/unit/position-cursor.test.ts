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

/** The cursor as this gateway wrote it before its encoding was made faster (issued cursors must still be read). */
function encodedAsBefore(c: PositionCursor, scopeOf: string): string {
  const fnv1a = (text: string, seed = 0x811c9dc5): number => {
    let h = seed;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    return h >>> 0;
  };
  const resume = Object.entries(c.resume).map(([key, p]) => [key, p && [p.at, p.upstream, p.id]]);
  const body = Buffer.from(JSON.stringify([2, [c.position.at, c.position.upstream, c.position.id], c.hints, resume]), 'utf8').toString('base64url');
  return `${body}.${fnv1a(body, fnv1a(scopeOf)).toString(36)}`;
}

describe('position cursors', () => {
  it('are written byte for byte as before, whatever the scope, ids and hints (cursors held by clients stay valid)', () => {
    let seed = 3;
    const next = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    const scopes = Array.from({ length: 7 }, (_, i) => cursorScope(['jobs', i]));
    for (let n = 0; n < 3000; n++) {
      const upstream = next() < 0.1 ? `cv-é${n}` : `cv-${n % 50}`;
      const c: PositionCursor = {
        position: { at: next() < 0.1 ? null : Math.floor(next() * 2e12), upstream, id: next() < 0.1 ? `job-ü-${n}` : String(Math.floor(next() * 1e9)) },
        hints: Object.fromEntries(Array.from({ length: Math.floor(next() * 4) }, (_, i) => [`cv-${i}`, Math.floor(next() * 5000)])),
        resume: next() < 0.3 ? { 'bdr-a': { at: Math.floor(next() * 2e12), upstream: 'bdr-a', id: String(n) }, 'cv-b': null } : {},
      };
      // Scopes alternate, as requests of different queries interleave.
      const scopeOf = scopes[n % scopes.length] as string;
      const text = encodePositionCursor(c, scopeOf);
      expect(text).toBe(encodedAsBefore(c, scopeOf));
      expect(decodePositionCursor(text, scopeOf)).toEqual(c);
    }
  });

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
