/** Byte-level reading of JSON text shared by json-bytes.ts and json-pieces.ts: structure only, values are JSON.parse's. */
import { endianness } from 'node:os';

/**
 * JSON's structural bytes. Not one `export const` each: an exported binding is read through its module
 * cell at every use, and the byte loops here and in the importers ran at half speed on them (the bracket
 * scan of a 67 KB job list: 135 µs against 70 µs with module-local constants). Importers copy them into
 * constants of their own: `const { QUOTE } = JSON_BYTES;`.
 */
export const JSON_BYTES = Object.freeze({
  QUOTE: 0x22,
  BACKSLASH: 0x5c,
  COMMA: 0x2c,
  COLON: 0x3a,
  OPEN_BRACE: 0x7b,
  CLOSE_BRACE: 0x7d,
  OPEN_BRACKET: 0x5b,
  CLOSE_BRACKET: 0x5d,
});
const { QUOTE, BACKSLASH, COMMA, OPEN_BRACE, CLOSE_BRACE, OPEN_BRACKET, CLOSE_BRACKET } = JSON_BYTES;

/** JSON's four whitespace bytes. */
export function isSpace(c: number | undefined): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** The first index from `at` that is not whitespace (the length when there is none). */
export function skipSpace(buf: Uint8Array, at: number): number {
  while (at < buf.length && isSpace(buf[at])) at++;
  return at;
}

/**
 * A string's first bytes are read here one by one; past that many, `Buffer#indexOf` finds its closing
 * quote. Most strings of an answer are keys and short values, and a native call per string cost more
 * than reading them (the bracket scan of a 67 KB job list: 98 → 75 µs; of 50 strings of 1–2 KB: 88 → 10 µs
 * against reading every byte).
 */
const SHORT_STRING_BYTES = 64;

/** Just past the quote closing the string whose opening quote is at `at`; -1 when it is not closed. */
export function stringEnd(buf: Buffer, at: number): number {
  const length = buf.length;
  let i = at + 1;
  const short = Math.min(length, i + SHORT_STRING_BYTES);
  while (i < short) {
    const c = buf[i++];
    if (c === QUOTE) return i;
    // An escape's second byte never ends the string.
    if (c === BACKSLASH) i++;
  }
  return longStringEnd(buf, i, length);
}

/** stringEnd past the first bytes read one by one: from `i`, which is not inside an escape. */
function longStringEnd(buf: Buffer, i: number, limit: number): number {
  for (;;) {
    const quote = i < limit ? buf.indexOf(QUOTE, i) : -1;
    if (quote < 0 || quote >= limit) return -1;
    // Escaped when an odd number of backslashes stands before it.
    let slashes = 0;
    while (buf[quote - 1 - slashes] === BACKSLASH) slashes++;
    if ((slashes & 1) === 0) return quote + 1;
    i = quote + 1;
  }
}

/** 3 when the bytes start with a UTF-8 byte order mark, else 0. */
export function bomLength(bytes: Uint8Array): number {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
}

/**
 * The bytes of `buf` as 32-bit words, for containerEnd to pass over four bytes of a string at a time;
 * undefined when `buf` does not start on a word boundary of its memory, or on a big-endian machine
 * (containerEndByWords finds a word's first byte as its lowest): the scan then reads bytes only. Made
 * once per buffer by a caller that scans much of it.
 */
export function wordsOf(buf: Buffer): Uint32Array | undefined {
  return LITTLE_ENDIAN && buf.byteOffset % 4 === 0 ? new Uint32Array(buf.buffer, buf.byteOffset, buf.length >>> 2) : undefined;
}

const LITTLE_ENDIAN = endianness() === 'LE';

/** Each byte of the word 0x01, and each byte's top bit: a word holds a zero byte when (w - ONES) & ~w & TOPS. */
const ONES = 0x01010101;
const TOPS = 0x80808080;
const QUOTES = 0x22222222;
const BACKSLASHES = 0x5c5c5c5c;

/**
 * Just past the bracket closing the container opening at `at`, matched outside strings; -1 when it
 * does not close before `limit`. Brackets are counted alike: `JSON.parse` of the bytes judges them.
 * With `words` (wordsOf(buf)) the bytes are read a word at a time where that pays (containerEndByWords).
 */
export function containerEnd(buf: Buffer, at: number, limit: number, words?: Uint32Array): number {
  return words === undefined ? containerEndByBytes(buf, at, limit) : containerEndByWords(buf, words, at, limit);
}

function containerEndByBytes(buf: Buffer, at: number, limit: number): number {
  let depth = 0;
  let i = at;
  while (i < limit) {
    const c = buf[i++];
    if (c === QUOTE) {
      // stringEnd, written out: called per string, it was not inlined here and cost a third more.
      const short = Math.min(limit, i + SHORT_STRING_BYTES);
      for (;;) {
        if (i >= short) {
          i = longStringEnd(buf, i, limit);
          if (i < 0) return -1;
          break;
        }
        const s = buf[i++];
        if (s === QUOTE) break;
        if (s === BACKSLASH) i++;
      }
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (--depth === 0) return i;
    }
  }
  return -1;
}

/** What a byte is to the bracket scan: most bytes outside strings are nothing to it, told by one read. */
const NOTHING = 0;
const STRING = 1;
const OPENS = 2;
const CLOSES = 3;
const BYTE_KIND = new Uint8Array(256);
BYTE_KIND[QUOTE] = STRING;
BYTE_KIND[OPEN_BRACE] = OPENS;
BYTE_KIND[OPEN_BRACKET] = OPENS;
BYTE_KIND[CLOSE_BRACE] = CLOSES;
BYTE_KIND[CLOSE_BRACKET] = CLOSES;

/**
 * containerEnd over the buffer's words too: 70 % of a job list's bytes are inside strings, and a
 * string's aligned words are passed four bytes at a time, down to the first quote or backslash in a
 * word (its lowest flagged byte, which the zero-byte test gives exactly). Outside strings one table
 * read tells a byte that means nothing to the scan. The 67 KB job list matched item by item, as lazy
 * lists are: 140 µs byte by byte, 98 µs so.
 */
function containerEndByWords(buf: Buffer, words: Uint32Array, at: number, limit: number): number {
  let depth = 0;
  let i = at;
  while (i < limit) {
    const kind = BYTE_KIND[buf[i++] as number];
    if (kind === NOTHING) continue;
    if (kind === STRING) {
      for (;;) {
        if ((i & 3) === 0 && i + 4 <= limit) {
          const w = words[i >>> 2] as number;
          const q = w ^ QUOTES;
          const b = w ^ BACKSLASHES;
          const flagged = (((q - ONES) & ~q) | ((b - ONES) & ~b)) & TOPS;
          if (flagged === 0) {
            i += 4;
            continue;
          }
          // Memory is little-endian in a word: its lowest flagged byte comes first.
          const j = i + ((31 - Math.clz32(flagged & -flagged)) >>> 3);
          if (buf[j] === QUOTE) {
            i = j + 1;
            break;
          }
          // A backslash: the escaped byte never ends the string.
          i = j + 2;
          continue;
        }
        if (i >= limit) return -1;
        const s = buf[i++];
        if (s === QUOTE) break;
        if (s === BACKSLASH) i++;
      }
    } else if (kind === OPENS) depth++;
    else if (--depth === 0) return i;
  }
  return -1;
}

/** Where a number or literal starting at `at` ends: the next delimiter (`at` itself when there is none to read). */
export function scalarEnd(buf: Uint8Array, at: number): number {
  let i = at;
  while (i < buf.length) {
    const c = buf[i];
    if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || isSpace(c)) break;
    i++;
  }
  return i;
}

/** Just past the value starting at `at`, whatever its kind; -1 when a string or container in it is not closed. `words`: as containerEnd's. */
export function valueEnd(buf: Buffer, at: number, words?: Uint32Array): number {
  const first = buf[at];
  if (first === QUOTE) return stringEnd(buf, at);
  if (first === OPEN_BRACE || first === OPEN_BRACKET) return containerEnd(buf, at, buf.length, words);
  return scalarEnd(buf, at);
}

/** Whether two UTF-16 code units (or bytes) are the same ASCII letter in two cases. */
export function sameLetterInOtherCase(a: number, b: number): boolean {
  const lower = a | 0x20;
  return lower === (b | 0x20) && lower >= 0x61 && lower <= 0x7a;
}
