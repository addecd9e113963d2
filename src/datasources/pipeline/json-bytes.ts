import { JsonPieces } from './json-pieces.js';
import { bomLength, containerEnd, JSON_BYTES, skipSpace, stringEnd, valueEnd, wordsOf } from './json-scan.js';

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
  /**
   * The lazy lists' item bounds, found beforehand (off the event loop, list-bounds-off-thread.ts) by
   * `lazyListBounds` over these same bytes: a list starting at a position named here is not walked again.
   */
  listBounds?: readonly ListBounds[];
}

/** A lazy list found in an answer's bytes: where it starts and ends, and where each item does. */
export interface ListBounds {
  /** The list's opening bracket. */
  start: number;
  /** Just past its closing bracket. */
  end: number;
  /** Item i spans bytes [items[2i], items[2i+1]). */
  items: Int32Array;
}

/**
 * The value of the JSON text in `bytes`, read as UTF-8. A leading byte order mark is skipped, as undici's
 * `text()` skips it.
 */
export function parseJsonBytes(bytes: Uint8Array, options: JsonBytesOptions = {}): unknown {
  const buf = asBuffer(bytes);
  const start = bomLength(buf);
  if (!walksInPieces(buf, options)) return JSON.parse(buf.toString('utf8', start, buf.length));
  const parser = new PieceParser(buf, options.piece ?? PIECE_BYTES, options.lazyLists, options.malformed, options.listBounds);
  parser.rootAt = parser.skipSpace(start);
  const value = parser.valueAt(parser.rootAt);
  if (parser.skipSpace(parser.pos) !== buf.length) parser.fail(parser.pos);
  return value;
}

/** Whether parseJsonBytes walks these bytes (and keeps the lazy lists as bytes) rather than parsing them whole. */
export function walksInPieces(bytes: Uint8Array, options: Pick<JsonBytesOptions, 'whole' | 'piece' | 'lazyLists'> = {}): boolean {
  // With lists to keep as bytes, an answer above one piece is walked: the lists are what it saves parsing.
  const whole = options.whole ?? (options.lazyLists?.size ? (options.piece ?? PIECE_BYTES) : WHOLE_BYTES);
  return bytes.length - bomLength(bytes) > whole;
}

/**
 * Where the lazy lists of the answer in `bytes` lie, found as parseJsonBytes finds them (arrays under
 * the named keys of the answer's own object) without parsing anything else: what list-bounds-worker.ts
 * computes for parseJsonBytes's `listBounds`. Undefined when the bytes are not such an answer, or not
 * JSON as far as this walk reads (parseJsonBytes then judges them itself).
 */
export function lazyListBounds(bytes: Uint8Array, lazyLists: ReadonlySet<string>): ListBounds[] | undefined {
  const buf = asBuffer(bytes);
  const words = wordsOf(buf);
  let at = skipSpace(buf, bomLength(buf));
  if (buf[at] !== OPEN_BRACE) return undefined;
  const found: ListBounds[] = [];
  at = skipSpace(buf, at + 1);
  if (buf[at] === CLOSE_BRACE) return found;
  for (;;) {
    if (buf[at] !== QUOTE) return undefined;
    const keyEnd = stringEnd(buf, at);
    if (keyEnd < 0) return undefined;
    const key = keyText(buf, at, keyEnd);
    at = skipSpace(buf, keyEnd);
    if (buf[at] !== COLON) return undefined;
    at = skipSpace(buf, at + 1);
    let end: number;
    if (buf[at] === OPEN_BRACKET && key !== undefined && lazyLists.has(key)) {
      const list = itemBounds(buf, at, words);
      if (list === undefined) return undefined;
      found.push(list);
      end = list.end;
    } else {
      end = valueEnd(buf, at, words);
      if (end <= at) return undefined;
    }
    at = skipSpace(buf, end);
    if (buf[at] === COMMA) at = skipSpace(buf, at + 1);
    else return buf[at] === CLOSE_BRACE ? found : undefined;
  }
}

/** The text of the key whose quotes span [start, end); undefined when it is not a JSON string. */
function keyText(buf: Buffer, start: number, end: number): string | undefined {
  try {
    return JSON.parse(buf.toString('utf8', start, end)) as string;
  } catch {
    return undefined;
  }
}

/**
 * The items of the array opening at `at`: each one's bytes matched bracket for bracket (what JSON.parse
 * makes of them is asked only when an item is read). Undefined when the array is not closed or an item
 * is not followed by a comma or the closing bracket.
 */
function itemBounds(buf: Buffer, at: number, words = wordsOf(buf)): ListBounds | undefined {
  let items = new Int32Array(64);
  let count = 0;
  let i = skipSpace(buf, at + 1);
  if (buf[i] === CLOSE_BRACKET) return { start: at, end: i + 1, items: items.subarray(0, 0) };
  for (;;) {
    const end = valueEnd(buf, i, words);
    if (end <= i) return undefined;
    if (count + 2 > items.length) {
      const grown = new Int32Array(items.length * 2);
      grown.set(items);
      items = grown;
    }
    items[count++] = i;
    items[count++] = end;
    i = skipSpace(buf, end);
    if (buf[i] === COMMA) i = skipSpace(buf, i + 1);
    else if (buf[i] === CLOSE_BRACKET) return { start: at, end: i + 1, items: items.subarray(0, count) };
    else return undefined;
  }
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A recursive descent over the containers too large to parse whole; `pos` is where the last value read ended. */
class PieceParser {
  pos = 0;
  /** Where the answer's own value starts: the object whose keys may name lazy lists. */
  rootAt = 0;
  private readonly words: Uint32Array | undefined;

  constructor(
    private readonly buf: Buffer,
    private readonly pieceBytes: number,
    private readonly lazyLists: ReadonlySet<string> | undefined,
    private readonly malformed: (() => Error) | undefined,
    private readonly listBounds: readonly ListBounds[] | undefined,
  ) {
    this.words = wordsOf(buf);
  }

  /** The value starting at `at`: one `JSON.parse` of its bytes when it is a scalar or a container that ends within a piece. */
  valueAt(at: number, lazyKey?: string): unknown {
    const first = this.buf[at];
    if (first === OPEN_BRACE || first === OPEN_BRACKET) {
      // The answer's own value was too large to parse whole, and a list kept as bytes is matched item
      // by item: neither is first scanned for an end within a piece, only to be walked after.
      if (at === this.rootAt) return this.walked(at);
      if (first === OPEN_BRACKET && lazyKey !== undefined && this.lazyLists?.has(lazyKey)) return this.pieces(at);
    }
    const end = this.endWithinPiece(at);
    // Not closed within a piece (or not at all: walking it then finds where it breaks).
    return end < 0 ? this.walked(at) : this.parsed(at, end);
  }

  /** The object or array at `at`, walked key by key or item by item. */
  private walked(at: number): unknown {
    return this.buf[at] === OPEN_BRACE ? this.object(at) : this.array(at);
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

  /**
   * A large array: its items that end within a piece are parsed in runs of up to a piece, one
   * `JSON.parse` a run (a 100-job list: five calls instead of a hundred, each item otherwise made a
   * string and parsed on its own); an item larger than a piece is walked.
   */
  private array(start: number): unknown[] {
    const buf = this.buf;
    const out: unknown[] = [];
    let at = this.skipSpace(start + 1);
    if (buf[at] === CLOSE_BRACKET) return this.closed(out, at);
    let runStart = -1;
    let runEnd = -1;
    const flush = (): void => {
      if (runStart < 0) return;
      const items = JSON.parse(`[${buf.toString('utf8', runStart, runEnd)}]`) as unknown[];
      for (const item of items) out.push(item);
      runStart = -1;
    };
    for (;;) {
      const end = this.endWithinPiece(at);
      if (end < 0) {
        flush();
        out.push(this.walked(at));
        at = this.skipSpace(this.pos);
      } else {
        if (runStart >= 0 && end - runStart > this.pieceBytes) flush();
        if (runStart < 0) runStart = at;
        runEnd = end;
        at = this.skipSpace(end);
      }
      if (buf[at] === COMMA) at = this.skipSpace(at + 1);
      else if (buf[at] === CLOSE_BRACKET) {
        flush();
        return this.closed(out, at);
      } else this.fail(at);
    }
  }

  /** Just past the value at `at` when it ends within a piece; -1 for a container that does not (it is walked). */
  private endWithinPiece(at: number): number {
    const first = this.buf[at];
    if (first === OPEN_BRACE || first === OPEN_BRACKET) return containerEnd(this.buf, at, Math.min(this.buf.length, at + this.pieceBytes), this.words);
    return this.valueEnd(at);
  }

  /** An array kept as its items' bytes (see JsonBytesOptions.lazyLists); its items found beforehand when listBounds has them. */
  private pieces(start: number): JsonPieces {
    const list = this.listBounds?.find((l) => l.start === start) ?? itemBounds(this.buf, start, this.words);
    // Not closed, an item missing, or one not followed by a comma or the bracket.
    if (list === undefined) return this.fail(start);
    return this.closed(new JsonPieces(this.buf, list.items, this.malformedError), list.end - 1);
  }

  private readonly malformedError = (): Error => this.malformed?.() ?? new SyntaxError('an item of the answer is not JSON');

  private closed<T>(value: T, closeAt: number): T {
    this.pos = closeAt + 1;
    return value;
  }

  /** Just past the value starting at `at`; a SyntaxError when it is not closed or there is none. */
  private valueEnd(at: number): number {
    const end = valueEnd(this.buf, at, this.words);
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
