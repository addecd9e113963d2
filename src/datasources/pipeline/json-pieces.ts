import { deepFreeze, FREEZE_SHARED } from './freeze.js';
import { JSON_BYTES, sameLetterInOtherCase, skipSpace, valueEnd, wordsOf } from './json-scan.js';

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
   * The values of several `keys` of the object at `path` inside item `i` (path [] for the item itself),
   * read in one walk of that object: what itemPath gives for each of `[...path, key]`, without walking
   * the item again per key. The merge of a unified jobs page reads each weighed job's id and start time
   * so; walking its summary once per key was the largest cost of the page's own code (docs/performance.md).
   */
  itemFields(i: number, path: readonly string[], keys: readonly string[]): unknown[] {
    const spans = this.#read(i, (reader, at) => reader.fields(at, path, keys).map((start) => (start < 0 ? undefined : [start, reader.valueEnd(start)])));
    return spans.map((span) => (span === undefined ? undefined : (this.#plainValue(span[0], span[1]) ?? this.#parse(span[0], span[1]))));
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

/** What `member` answers for each key when the object breaks off: its exact match if one came before, else -1. */
function unlessExact(starts: number[], exact: readonly boolean[]): number[] {
  for (let k = 0; k < starts.length; k++) if (!exact[k]) starts[k] = -1;
  return starts;
}

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
   * Where the values of `keys` start in the object at `path` from `at`, each found as `member` finds it
   * (an exact match ends its search, so a broken member after it does not undo it), in one walk that
   * stops once every key has met its exact match; -1 for a key that is absent, or for every key when a
   * step of the path is missing or not an object.
   */
  fields(at: number, path: readonly string[], keys: readonly string[]): number[] {
    const starts = keys.map(() => -1);
    const objectAt = this.start(at, path);
    if (objectAt < 0 || this.buf[objectAt] !== OPEN_BRACE) return starts;
    const exact = keys.map(() => false);
    let open = keys.length;
    const buf = this.buf;
    let i = this.skipSpace(objectAt + 1);
    if (buf[i] === CLOSE_BRACE) return starts;
    for (;;) {
      if (buf[i] !== QUOTE) return unlessExact(starts, exact);
      const keyEnd = this.keyEnd(i);
      const keyStart = i + 1;
      const plain = this.plainKey;
      i = this.skipSpace(keyEnd);
      if (buf[i] !== COLON) return unlessExact(starts, exact);
      i = this.skipSpace(i + 1);
      for (let k = 0; k < keys.length; k++) {
        if (exact[k]) continue;
        const match = this.compareKey(keyStart, keyEnd - 1, plain, keys[k] as string);
        if (match === EXACT) {
          starts[k] = i;
          exact[k] = true;
          open -= 1;
        } else if (match === OTHER_CASE && starts[k] === -1) starts[k] = i;
      }
      if (open === 0) return starts;
      i = this.skipSpace(this.valueEnd(i));
      if (buf[i] !== COMMA) return starts;
      i = this.skipSpace(i + 1);
    }
  }

  /**
   * Where the value of `key` starts in the object at `at`: the first key equal to it, else the first
   * of another letter case (as field() reads a parsed object whose keys do not repeat); -1 when absent.
   * Keys are compared as bytes; only a key with an escape or beyond ASCII is decoded to compare.
   * `fields`' walk for one key, kept apart: folded into it (one walk for any number of keys), a cold
   * page's client id reads (three members each, 325 clients) took 0.36–0.39 ms instead of 0.27–0.28.
   */
  private member(at: number, key: string): number {
    const buf = this.buf;
    let other = -1;
    let i = this.skipSpace(at + 1);
    if (buf[i] === CLOSE_BRACE) return -1;
    for (;;) {
      if (buf[i] !== QUOTE) return -1;
      const keyEnd = this.keyEnd(i);
      const match = this.compareKey(i + 1, keyEnd - 1, this.plainKey, key);
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

  /**
   * Whether the key keyEnd last read is plain: no escape and nothing beyond ASCII, so its bytes are its
   * characters and a key of another length differs without a look at them (keys are compared once per
   * member and per key asked: scanning each for escapes again per key asked was most of a walk's time).
   */
  private plainKey = true;

  /** Just past the closing quote of the key at `at`, noting whether it is plain; unclosed, the end of the bytes. */
  private keyEnd(at: number): number {
    const buf = this.buf;
    const length = buf.length;
    let plain = true;
    let i = at + 1;
    while (i < length) {
      const c = buf[i++] as number;
      if (c === QUOTE) {
        this.plainKey = plain;
        return i;
      }
      if (c === BACKSLASH) {
        plain = false;
        // An escape's second byte never ends the key.
        i++;
      } else if (c > 0x7f) plain = false;
    }
    this.plainKey = plain;
    return length;
  }

  /** How the key whose characters span [start, end) (`plain` as keyEnd found it) compares with `key`. */
  private compareKey(start: number, end: number, plain: boolean, key: string): number {
    if (!plain) return this.compareDecoded(start, end, key);
    if (end - start !== key.length) return DIFFERENT;
    const buf = this.buf;
    let exact = true;
    for (let j = 0; j < key.length; j++) {
      const b = buf[start + j] as number;
      const c = key.charCodeAt(j);
      if (b === c) continue;
      if (c > 0x7f) return this.compareDecoded(start, end, key);
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
  valueEnd(at: number): number {
    const end = valueEnd(this.buf, at, this.words);
    return end < 0 ? this.buf.length : end;
  }

  private skipSpace(at: number): number {
    return skipSpace(this.buf, at);
  }
}
