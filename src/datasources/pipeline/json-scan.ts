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
