import { JsonPieces } from './json-pieces.js';
import { bomLength, containerEnd, JSON_BYTES, skipSpace, stringEnd, valueEnd } from './json-scan.js';

const { QUOTE, COMMA, COLON, OPEN_BRACE, CLOSE_BRACE, OPEN_BRACKET, CLOSE_BRACKET } = JSON_BYTES;

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

export interface JsonBytesOptions {
  /** Answers up to this many bytes are parsed as one string. @default WHOLE_BYTES, or PIECE_BYTES when lists are kept as bytes */
  whole?: number;
  /** Containers up to this many bytes are parsed by one `JSON.parse` each. */
  piece?: number;
  /**
   * Keys of the answer's top-level object whose arrays, in an answer parsed in pieces, are kept as
   * their items' bytes (JsonPieces), each item parsed when read: the item bytes are matched bracket for
   * bracket now, and parsed, with `malformed` raised for one that is not JSON, only when read.
   */
  lazyLists?: ReadonlySet<string>;
  malformed?: () => Error;
}

/**
 * The value of the JSON text in `bytes`, read as UTF-8. A leading byte order mark is skipped, as undici's
 * `text()` skips it.
 */
export function parseJsonBytes(bytes: Uint8Array, options: JsonBytesOptions = {}): unknown {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = bomLength(buf);
  // With lists to keep as bytes, an answer above one piece is walked: the lists are what it saves parsing.
  const whole = options.whole ?? (options.lazyLists?.size ? (options.piece ?? PIECE_BYTES) : WHOLE_BYTES);
  if (buf.length - start <= whole) return JSON.parse(buf.toString('utf8', start, buf.length));
  const parser = new PieceParser(buf, options.piece ?? PIECE_BYTES, options.lazyLists, options.malformed);
  parser.rootAt = parser.skipSpace(start);
  const value = parser.valueAt(parser.rootAt);
  if (parser.skipSpace(parser.pos) !== buf.length) parser.fail(parser.pos);
  return value;
}

/** A recursive descent over the containers too large to parse whole; `pos` is where the last value read ended. */
class PieceParser {
  pos = 0;
  /** Where the answer's own value starts: the object whose keys may name lazy lists. */
  rootAt = 0;

  constructor(
    private readonly buf: Buffer,
    private readonly pieceBytes: number,
    private readonly lazyLists: ReadonlySet<string> | undefined,
    private readonly malformed: (() => Error) | undefined,
  ) {}

  /** The value starting at `at`: one `JSON.parse` of its bytes when it is a scalar or a container that ends within a piece. */
  valueAt(at: number, lazyKey?: string): unknown {
    const first = this.buf[at];
    if (first === OPEN_BRACE || first === OPEN_BRACKET) {
      // The answer's own value was too large to parse whole, and a list kept as bytes is matched item
      // by item: neither is first scanned for an end within a piece, only to be walked after.
      if (at === this.rootAt) return first === OPEN_BRACE ? this.object(at) : this.array(at);
      if (first === OPEN_BRACKET && lazyKey !== undefined && this.lazyLists?.has(lazyKey)) return this.pieces(at);
      // Not closed within a piece (or not at all: walking it then finds where it breaks).
      const end = containerEnd(this.buf, at, Math.min(this.buf.length, at + this.pieceBytes));
      if (end < 0) return first === OPEN_BRACE ? this.object(at) : this.array(at);
      return this.parsed(at, end);
    }
    return this.parsed(at, this.valueEnd(at));
  }

  private parsed(start: number, end: number): unknown {
    this.pos = end;
    return JSON.parse(this.buf.toString('utf8', start, end));
  }

  private object(start: number): Record<string, unknown> {
    const buf = this.buf;
    const out: Record<string, unknown> = {};
    const topLevel = start === this.rootAt;
    let at = this.skipSpace(start + 1);
    if (buf[at] === CLOSE_BRACE) return this.closed(out, at);
    for (;;) {
      if (buf[at] !== QUOTE) this.fail(at);
      const keyEnd = this.stringEnd(at);
      const key = JSON.parse(buf.toString('utf8', at, keyEnd)) as string;
      at = this.skipSpace(keyEnd);
      if (buf[at] !== COLON) this.fail(at);
      const value = this.valueAt(this.skipSpace(at + 1), topLevel ? key : undefined);
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

  /** An array kept as its items' bytes (see JsonBytesOptions.lazyLists). */
  private pieces(start: number): JsonPieces {
    const buf = this.buf;
    const bounds: number[] = [];
    let at = this.skipSpace(start + 1);
    if (buf[at] === CLOSE_BRACKET) return this.closed(new JsonPieces(buf, bounds, this.malformedError), at);
    for (;;) {
      const end = this.valueEnd(at);
      bounds.push(at, end);
      at = this.skipSpace(end);
      if (buf[at] === COMMA) at = this.skipSpace(at + 1);
      else if (buf[at] === CLOSE_BRACKET) return this.closed(new JsonPieces(buf, bounds, this.malformedError), at);
      else this.fail(at);
    }
  }

  private readonly malformedError = (): Error => this.malformed?.() ?? new SyntaxError('an item of the answer is not JSON');

  private closed<T>(value: T, closeAt: number): T {
    this.pos = closeAt + 1;
    return value;
  }

  /** Just past the value starting at `at`; a SyntaxError when it is not closed or there is none. */
  private valueEnd(at: number): number {
    const end = valueEnd(this.buf, at);
    if (end < 0) this.fail(this.buf.length);
    if (end === at) this.fail(at);
    return end;
  }

  /** Just past the quote closing the string opening at `at`. */
  private stringEnd(at: number): number {
    const end = stringEnd(this.buf, at);
    return end < 0 ? this.fail(this.buf.length) : end;
  }

  skipSpace(at: number): number {
    return skipSpace(this.buf, at);
  }

  fail(at: number): never {
    throw new SyntaxError(at >= this.buf.length ? 'Unexpected end of JSON input' : `Unexpected token in JSON at position ${at}`);
  }
}
