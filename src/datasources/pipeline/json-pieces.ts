import { deepFreeze, FREEZE_SHARED } from './freeze.js';
import { JSON_BYTES, sameLetterInOtherCase, skipSpace, stringEnd, valueEnd, wordsOf } from './json-scan.js';

const { QUOTE, BACKSLASH, COMMA, COLON, OPEN_BRACE, CLOSE_BRACE } = JSON_BYTES;

/**
 * A JSON array of an answer kept as its items' bytes, each item parsed when first read (json-bytes.ts
 * makes them, for the lists a call names in `lazyLists`). A page of jobs needs the clients of its jobs,
 * not the 300 or 3 000 of the whole inventory: decoding all of `GET /Client` cost a cold page more than
 * the rest of its client work (docs/performance.md). Read through `list()` (json-read.ts) it is the
 * whole array, parsed once; `itemPath` reads one value of an item without parsing the item.
 *
 * Its state is private, so freezing a shared answer leaves the parsed items it remembers writable; the
 * items it hands out are frozen as every shared answer is (freeze.ts).
 */
export class JsonPieces {
  readonly #bytes: Buffer;
  /** wordsOf(#bytes), made once for every read of the items. */
  readonly #words: Uint32Array | undefined;
  /** Item i spans bytes [#bounds[2i], #bounds[2i+1]). */
  readonly #bounds: Int32Array;
  #items?: unknown[];
  readonly #parsed: unknown[];
  /** The error an item that is not JSON raises when read (the answer's, as if it had failed to parse whole). */
  readonly #malformed: () => Error;

  constructor(bytes: Buffer, bounds: Int32Array, malformed: () => Error) {
    this.#bytes = bytes;
    this.#words = wordsOf(bytes);
    this.#bounds = bounds;
    this.#parsed = new Array<unknown>(bounds.length / 2);
    this.#malformed = malformed;
  }

  get length(): number {
    return this.#bounds.length / 2;
  }

  /** Item `i`, parsed on its first read. */
  at(i: number): unknown {
    let item = this.#parsed[i];
    if (item === undefined && i >= 0 && i < this.length) {
      item = this.#parse(this.#bounds[2 * i] as number, this.#bounds[2 * i + 1] as number);
      // Frozen where shared answers are (tests); in production the list itself is the shared answer.
      if (FREEZE_SHARED) deepFreeze(item);
      this.#parsed[i] = item;
    }
    return item;
  }

  /** Every item, in order: the array `JSON.parse` would have given. */
  toArray(): unknown[] {
    if (this.#items === undefined) {
      const items = new Array<unknown>(this.length);
      for (let i = 0; i < items.length; i++) items[i] = this.at(i);
      this.#items = deepFreeze(items);
    }
    return this.#items;
  }

  /** Serialized as the array it stands for (the shared cache stores answers as JSON). */
  toJSON(): unknown[] {
    return this.toArray();
  }

  /**
   * The value at `keys` inside item `i`, read from its bytes, each key matched as json-read's `field`
   * matches it (an exact key first, else the first key of another letter case); undefined when a step
   * is missing or not an object. Always read from the bytes, parsed or not, so a value read before and
   * after its item is parsed is the same.
   */
  itemPath(i: number, keys: readonly string[]): unknown {
    const span = this.#span(i, keys);
    if (span === undefined) return undefined;
    return this.#plainValue(span[0], span[1]) ?? this.#parse(span[0], span[1]);
  }

  /**
   * An integer of up to 15 digits, or a string without escapes, read straight from its bytes (ids and
   * times, what itemPath is asked for); undefined for anything else, which JSON.parse then reads.
   */
  #plainValue(start: number, end: number): number | string | undefined {
    const bytes = this.#bytes;
    if (bytes[start] === QUOTE) {
      for (let j = start + 1; j < end - 1; j++) if (bytes[j] === BACKSLASH || (bytes[j] as number) < 0x20) return undefined;
      return end - start >= 2 && bytes[end - 1] === QUOTE ? bytes.toString('utf8', start + 1, end - 1) : undefined;
    }
    const negative = bytes[start] === MINUS;
    const first = negative ? start + 1 : start;
    const digits = end - first;
    // JSON allows no leading zero ("01"); such text is left to JSON.parse to refuse.
    if (digits < 1 || digits > 15 || (digits > 1 && bytes[first] === ZERO)) return undefined;
    let n = 0;
    for (let j = first; j < end; j++) {
      const d = (bytes[j] as number) - ZERO;
      if (d < 0 || d > 9) return undefined;
      n = n * 10 + d;
    }
    return negative ? -n : n;
  }

  /**
   * Whether item `i` holds a value other than null at `keys` (matched as itemPath matches them), read
   * without parsing it: what `field(item, …) ?? fallback` needs to know.
   */
  itemHas(i: number, keys: readonly string[]): boolean {
    // Its first byte tells: the value itself (a whole `jobSummary`, say) is not walked.
    const start = this.#read(i, (reader, at) => reader.start(at, keys));
    return start >= 0 && this.#bytes[start] !== NULL_FIRST_BYTE;
  }

  /** The bytes of the value at `keys` in item `i`, found without parsing. */
  #span(i: number, keys: readonly string[]): [number, number] | undefined {
    return this.#read(i, (reader, at) => reader.path(at, keys));
  }

  #read<T>(i: number, read: (reader: ItemReader, at: number) => T): T {
    try {
      return read(new ItemReader(this.#bytes, this.#words), this.#bounds[2 * i] as number);
    } catch {
      throw this.#malformed();
    }
  }

  #parse(start: number, end: number): unknown {
    try {
      return JSON.parse(this.#bytes.toString('utf8', start, end)) as unknown;
    } catch {
      throw this.#malformed();
    }
  }
}

const MINUS = 0x2d;
const ZERO = 0x30;
/** `n`: a value starting with it can only be `null`. */
const NULL_FIRST_BYTE = 0x6e;

const DIFFERENT = 0;
const EXACT = 1;
const OTHER_CASE = 2;

/** Walks the objects of one item's bytes, skipping the values it does not descend into. */
class ItemReader {
  constructor(
    private readonly buf: Buffer,
    private readonly words: Uint32Array | undefined,
  ) {}

  /** The bytes [start, end) of the value at `keys` in the item at `at`; undefined when a step is missing or not an object. */
  path(at: number, keys: readonly string[]): [number, number] | undefined {
    const valueAt = this.start(at, keys);
    return valueAt < 0 ? undefined : [valueAt, this.valueEnd(valueAt)];
  }

  /** Where the value at `keys` in the item at `at` starts; -1 when a step is missing or not an object. */
  start(at: number, keys: readonly string[]): number {
    let valueAt = this.skipSpace(at);
    for (const key of keys) {
      if (this.buf[valueAt] !== OPEN_BRACE) return -1;
      valueAt = this.member(valueAt, key);
      if (valueAt < 0) return -1;
    }
    return valueAt;
  }

  /**
   * Where the value of `key` starts in the object at `at`: the first key equal to it, else the first
   * of another letter case (as field() reads a parsed object whose keys do not repeat); -1 when absent.
   * Keys are compared as bytes; only a key with an escape or beyond ASCII is decoded to compare.
   */
  private member(at: number, key: string): number {
    const buf = this.buf;
    let other = -1;
    let i = this.skipSpace(at + 1);
    if (buf[i] === CLOSE_BRACE) return -1;
    for (;;) {
      if (buf[i] !== QUOTE) return -1;
      const keyEnd = this.stringEnd(i);
      const match = this.compareKey(i + 1, keyEnd - 1, key);
      i = this.skipSpace(keyEnd);
      if (buf[i] !== COLON) return -1;
      i = this.skipSpace(i + 1);
      if (match === EXACT) return i;
      if (match === OTHER_CASE && other < 0) other = i;
      i = this.skipSpace(this.valueEnd(i));
      if (buf[i] !== COMMA) break;
      i = this.skipSpace(i + 1);
    }
    return other;
  }

  /** How the key whose characters span [start, end) compares with `key`. */
  private compareKey(start: number, end: number, key: string): number {
    const buf = this.buf;
    if (end - start !== key.length) {
      // Shorter or longer in bytes: equal only through an escape or a character beyond ASCII.
      for (let j = start; j < end; j++) if (buf[j] === BACKSLASH || (buf[j] as number) > 0x7f) return this.compareDecoded(start, end, key);
      return DIFFERENT;
    }
    let exact = true;
    for (let j = 0; j < key.length; j++) {
      const b = buf[start + j] as number;
      const c = key.charCodeAt(j);
      if (b === c) continue;
      if (b === BACKSLASH || b > 0x7f || c > 0x7f) return this.compareDecoded(start, end, key);
      if (!sameLetterInOtherCase(b, c)) return DIFFERENT;
      exact = false;
    }
    return exact ? EXACT : OTHER_CASE;
  }

  private compareDecoded(start: number, end: number, key: string): number {
    const name = JSON.parse(this.buf.toString('utf8', start - 1, end + 1)) as string;
    if (name === key) return EXACT;
    return name.length === key.length && name.toLowerCase() === key.toLowerCase() ? OTHER_CASE : DIFFERENT;
  }

  /** Just past the value at `at`; an unclosed one runs to the end (the item then fails to parse). */
  private valueEnd(at: number): number {
    const end = valueEnd(this.buf, at, this.words);
    return end < 0 ? this.buf.length : end;
  }

  /** Just past the closing quote; an unclosed string runs to the end (the item then fails to parse). */
  private stringEnd(at: number): number {
    const end = stringEnd(this.buf, at);
    return end < 0 ? this.buf.length : end;
  }

  private skipSpace(at: number): number {
    return skipSpace(this.buf, at);
  }
}
