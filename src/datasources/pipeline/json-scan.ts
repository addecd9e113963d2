/** Byte-level reading of JSON text shared by json-bytes.ts and json-pieces.ts: structure only, values are JSON.parse's. */

export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const COMMA = 0x2c;
export const COLON = 0x3a;
export const OPEN_BRACE = 0x7b;
export const CLOSE_BRACE = 0x7d;
export const OPEN_BRACKET = 0x5b;
export const CLOSE_BRACKET = 0x5d;

/** JSON's four whitespace bytes. */
export function isSpace(c: number | undefined): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** The first index from `at` that is not whitespace (the length when there is none). */
export function skipSpace(buf: Uint8Array, at: number): number {
  while (at < buf.length && isSpace(buf[at])) at++;
  return at;
}

/** Just past the quote closing the string whose opening quote is at `at`; -1 when it is not closed. */
export function stringEnd(buf: Buffer, at: number): number {
  let i = at + 1;
  for (;;) {
    const quote = buf.indexOf(QUOTE, i);
    if (quote < 0) return -1;
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
 * Just past the bracket closing the container opening at `at`, matched outside strings; -1 when it
 * does not close before `limit`. Brackets are counted alike: `JSON.parse` of the bytes judges them.
 */
export function containerEnd(buf: Buffer, at: number, limit: number): number {
  let depth = 0;
  let i = at;
  while (i < limit) {
    const c = buf[i];
    if (c === QUOTE) {
      i = stringEnd(buf, i);
      if (i < 0) return -1;
      continue;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
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

/** Just past the value starting at `at`, whatever its kind; -1 when a string or container in it is not closed. */
export function valueEnd(buf: Buffer, at: number): number {
  const first = buf[at];
  if (first === QUOTE) return stringEnd(buf, at);
  if (first === OPEN_BRACE || first === OPEN_BRACKET) return containerEnd(buf, at, buf.length);
  return scalarEnd(buf, at);
}

/** Whether two UTF-16 code units (or bytes) are the same ASCII letter in two cases. */
export function sameLetterInOtherCase(a: number, b: number): boolean {
  const lower = a | 0x20;
  return lower === (b | 0x20) && lower >= 0x61 && lower <= 0x7a;
}
