import { describe, expect, it } from 'vitest';
import { base64UrlOf } from '../../src/util/base64url.js';

const viaBuffer = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** A deterministic pseudo-random source, so a failure names a reproducible case. */
function generator(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function randomText(next: () => number, length: number, alphabet: 'ascii' | 'any'): string {
  let text = '';
  for (let i = 0; i < length; i++) {
    if (alphabet === 'ascii') text += String.fromCharCode(Math.floor(next() * 0x80));
    else {
      const r = next();
      // ASCII mostly, then Latin-1, other BMP characters, lone surrogates and astral pairs.
      text += r < 0.6 ? String.fromCharCode(Math.floor(next() * 0x80)) : r < 0.75 ? String.fromCharCode(0x80 + Math.floor(next() * 0x80)) : r < 0.85 ? String.fromCharCode(0x100 + Math.floor(next() * 0xd700)) : r < 0.92 ? String.fromCharCode(0xd800 + Math.floor(next() * 0x800)) : String.fromCodePoint(0x10000 + Math.floor(next() * 0xfffff));
    }
  }
  return text;
}

describe('base64UrlOf', () => {
  it('encodes as Buffer does, for every length modulo three, ids and cursor bodies', () => {
    for (const text of ['', 'a', 'ab', 'abc', 'abcd', 'CommvaultJob:cv-01:12345', '[2,[1767313436000,"cv-a","1426069"],{"cv-a":120},[]]', '\u007f\u0000\u0001']) {
      expect(base64UrlOf(text)).toBe(viaBuffer(text));
    }
  });

  it('matches Buffer on random ASCII and on random text beyond it (Latin-1, BMP, lone surrogates, astral)', () => {
    const next = generator(7);
    for (let n = 0; n < 2000; n++) {
      const length = Math.floor(next() * 160);
      const ascii = randomText(next, length, 'ascii');
      expect(base64UrlOf(ascii)).toBe(viaBuffer(ascii));
      const any = randomText(next, length, 'any');
      expect(base64UrlOf(any)).toBe(viaBuffer(any));
    }
  });

  it('matches Buffer for long text, past its scratch buffer, and for short text after it', () => {
    const next = generator(11);
    for (const length of [400, 700, 5_000, 13_000, 40_000]) {
      const text = randomText(next, length, 'ascii');
      expect(base64UrlOf(text)).toBe(viaBuffer(text));
      expect(base64UrlOf('xyz')).toBe('eHl6');
    }
  });
});
