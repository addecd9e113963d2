/**
 * `JSON.parse` of an answer's bytes that never builds one string of the whole of a large answer.
 *
 * A V8 string of 128 KB or more is a large object: it gets memory of its own, mapped afresh and faulted
 * in page by page, and given back at the next collection. On the virtual machines the gateway runs on,
 * turning a 138 KB job list into one string took 0.6 ms, a 127 KB one 0.06 ms (docs/performance.md); the
 * answers of list calls are routinely that large. Here a large answer is parsed in pieces: the containers
 * larger than `PIECE_BYTES` are walked here, and every value within that size is handed to `JSON.parse`
 * as a string of its own. The result is the one `JSON.parse` gives for the whole text, and
 * text that is not JSON throws a SyntaxError as it would.
 */

/** Answers up to this many bytes are parsed as one string (well below the 128 KB of a large object). */
export const WHOLE_BYTES = 96 * 1024;
/** Containers up to this many bytes inside a larger answer are parsed by one `JSON.parse` each; larger ones are walked. */
export const PIECE_BYTES = 32 * 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/**
 * The value of the JSON text in `bytes`, read as UTF-8. A leading byte order mark is skipped, as undici's
 * `text()` skips it.
 */
export function parseJsonBytes(bytes: Uint8Array, sizes: { whole: number; piece: number } = { whole: WHOLE_BYTES, piece: PIECE_BYTES }): unknown {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  if (buf.length - start <= sizes.whole) return JSON.parse(buf.toString('utf8', start, buf.length));
  const parser = new PieceParser(buf, sizes.piece);
  const value = parser.valueAt(parser.skipSpace(start));
  if (parser.skipSpace(parser.pos) !== buf.length) parser.fail(parser.pos);
  return value;
}

/** A recursive descent over the containers too large to parse whole; `pos` is where the last value read ended. */
class PieceParser {
  pos = 0;

  constructor(
    private readonly buf: Buffer,
    private readonly pieceBytes: number,
  ) {}

  /** The value starting at `at`: one `JSON.parse` of its bytes when it is a scalar or a container that ends within a piece. */
  valueAt(at: number): unknown {
    const first = this.buf[at];
    if (first === OPEN_BRACE || first === OPEN_BRACKET) {
      const end = this.containerEnd(at, Math.min(this.buf.length, at + this.pieceBytes));
      if (end < 0) return first === OPEN_BRACE ? this.object(at) : this.array(at);
      return this.parsed(at, end);
    }
    return this.parsed(at, first === QUOTE ? this.stringEnd(at) : this.scalarEnd(at));
  }

  private parsed(start: number, end: number): unknown {
    this.pos = end;
    return JSON.parse(this.buf.toString('utf8', start, end));
  }

  private object(start: number): Record<string, unknown> {
    const buf = this.buf;
    const out: Record<string, unknown> = {};
    let at = this.skipSpace(start + 1);
    if (buf[at] === CLOSE_BRACE) return this.closed(out, at);
    for (;;) {
      if (buf[at] !== QUOTE) this.fail(at);
      const keyEnd = this.stringEnd(at);
      const key = JSON.parse(buf.toString('utf8', at, keyEnd)) as string;
      at = this.skipSpace(keyEnd);
      if (buf[at] !== COLON) this.fail(at);
      const value = this.valueAt(this.skipSpace(at + 1));
      // As JSON.parse: an own data property even for `__proto__`, the last of repeated keys standing.
      Object.defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true });
      at = this.skipSpace(this.pos);
      if (buf[at] === COMMA) at = this.skipSpace(at + 1);
      else if (buf[at] === CLOSE_BRACE) return this.closed(out, at);
      else this.fail(at);
    }
  }

  private array(start: number): unknown[] {
    const buf = this.buf;
    const out: unknown[] = [];
    let at = this.skipSpace(start + 1);
    if (buf[at] === CLOSE_BRACKET) return this.closed(out, at);
    for (;;) {
      out.push(this.valueAt(at));
      at = this.skipSpace(this.pos);
      if (buf[at] === COMMA) at = this.skipSpace(at + 1);
      else if (buf[at] === CLOSE_BRACKET) return this.closed(out, at);
      else this.fail(at);
    }
  }

  private closed<T>(value: T, closeAt: number): T {
    this.pos = closeAt + 1;
    return value;
  }

  /**
   * Just past the bracket closing the container opening at `at`, matched outside strings; -1 when it
   * does not close before `limit`. Brackets are counted alike: `JSON.parse` of the piece judges them.
   */
  private containerEnd(at: number, limit: number): number {
    const buf = this.buf;
    let depth = 0;
    let i = at;
    while (i < limit) {
      const c = buf[i];
      if (c === QUOTE) {
        i = this.stringEnd(i);
        continue;
      }
      if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        depth--;
        if (depth === 0) return i + 1;
      }
      i++;
    }
    if (limit === buf.length) this.fail(buf.length);
    return -1;
  }

  /** A number or literal runs to the next delimiter; `JSON.parse` of it then judges it. */
  private scalarEnd(at: number): number {
    const buf = this.buf;
    let i = at;
    while (i < buf.length) {
      const c = buf[i];
      if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) break;
      i++;
    }
    if (i === at) this.fail(at);
    return i;
  }

  /** Just past the quote closing the string opening at `at`. */
  private stringEnd(at: number): number {
    const buf = this.buf;
    let i = at + 1;
    for (;;) {
      const quote = buf.indexOf(QUOTE, i);
      if (quote < 0) return this.fail(buf.length);
      // Escaped when an odd number of backslashes stands before it.
      let slashes = 0;
      while (buf[quote - 1 - slashes] === BACKSLASH) slashes++;
      if ((slashes & 1) === 0) return quote + 1;
      i = quote + 1;
    }
  }

  skipSpace(at: number): number {
    const buf = this.buf;
    while (at < buf.length) {
      const c = buf[at];
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
      at++;
    }
    return at;
  }

  fail(at: number): never {
    throw new SyntaxError(at >= this.buf.length ? 'Unexpected end of JSON input' : `Unexpected token in JSON at position ${at}`);
  }
}
