import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyListBounds, parseJsonBytes, WHOLE_BYTES } from '../../src/datasources/pipeline/json-bytes.js';
import { JsonPieces } from '../../src/datasources/pipeline/json-pieces.js';

/** Small sizes, so that tests of a few hundred bytes walk containers as a large answer's are walked. */
const TINY = { whole: 0, piece: 40 };

/** A deterministic pseudo-random JSON value: every kind of value, nested, with awkward strings. */
function randomValue(seed: number, depth = 0): unknown {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const strings = ['', 'plain', 'quote " inside', 'back\\slash', 'brackets ]}[{ and , commas', 'é ü 漢字 😀', 'line\nbreak\ttab', '\\"', '\u0000\u001f'];
  const make = (d: number): unknown => {
    const r = next();
    if (d > 4 || r < 0.35) {
      const k = Math.floor(next() * 7);
      return [null, true, false, Math.floor(next() * 1e6) - 5e5, next() * 1e-3, strings[Math.floor(next() * strings.length)], -0.5e21][k];
    }
    const n = Math.floor(next() * 8);
    if (r < 0.65) return Array.from({ length: n }, () => make(d + 1));
    const o: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) o[`${strings[i % strings.length]}${i}`] = make(d + 1);
    return o;
  };
  return make(depth);
}

const bytesOf = (text: string) => Buffer.from(text, 'utf8');

describe('parseJsonBytes', () => {
  afterEach(() => vi.restoreAllMocks());

  it('gives what JSON.parse gives for a list answer, walked in pieces', () => {
    const answer = {
      totalRecordsWithoutPaging: 250,
      jobs: Array.from({ length: 250 }, (_, i) => ({ jobSummary: { jobId: i, status: i % 3 ? 'Completed' : 'Failed', note: `job "${i}" [a]{b}\\`, subclient: { clientId: i % 7, name: 'sc' } } })),
      paging: { offset: 0, limit: 250 },
    };
    const text = JSON.stringify(answer);
    expect(parseJsonBytes(bytesOf(text), TINY)).toEqual(JSON.parse(text));
    // The same with the default sizes, once the answer is large enough to be parsed in pieces.
    const large = JSON.stringify({ ...answer, jobs: Array.from({ length: 8 }, () => answer.jobs).flat() });
    expect(large.length).toBeGreaterThan(WHOLE_BYTES);
    expect(parseJsonBytes(bytesOf(large))).toEqual(JSON.parse(large));
  });

  it('finds the end of strings of any length, escapes and brackets included, wherever the escape falls', () => {
    // Strings are read byte by byte for their first bytes and searched natively past them: every length and
    // escape place around that border, with escaped quotes and backslashes and brackets inside.
    const strings: string[] = [];
    for (let length = 0; length < 140; length++) {
      for (const escape of ['"', '\\', '\\"', ']}']) {
        for (const at of [0, Math.floor(length / 2), Math.max(0, length - 2), length]) strings.push(`${'x'.repeat(at)}${escape}${'y'.repeat(Math.max(0, length - at))}`);
      }
    }
    const answer = { list: strings.map((s, i) => ({ [s]: [s, { s }], i })), last: strings.slice(-3) };
    const text = JSON.stringify(answer);
    for (const piece of [16, 100, 1000]) expect(parseJsonBytes(bytesOf(text), { whole: 0, piece })).toEqual(answer);
    const lazy = parseJsonBytes(bytesOf(text), { whole: 0, piece: 100, lazyLists: new Set(['list']) }) as { list: JsonPieces };
    expect(lazy.list.toArray()).toEqual(answer.list);
    expect(lazy.list.itemPath(strings.length - 1, ['i'])).toBe(strings.length - 1);
    // Strings are passed four bytes at a time where their bytes sit on word boundaries of memory: each
    // string at every alignment (0–7 bytes of leading space), in memory that starts on a word boundary
    // and in memory that does not (then read byte by byte).
    for (let shift = 0; shift < 8; shift++) {
      for (const offset of [0, 1, 2, 3]) {
        const padded = `${' '.repeat(shift)}${text}`;
        const memory = Buffer.alloc(padded.length + offset + 8);
        memory.write(padded, offset, 'utf8');
        const bytes = memory.subarray(offset, offset + Buffer.byteLength(padded));
        expect(parseJsonBytes(bytes, { whole: 0, piece: 100 }), `shift ${shift}, offset ${offset}`).toEqual(answer);
        const kept = parseJsonBytes(bytes, { whole: 0, piece: 100, lazyLists: new Set(['list']) }) as { list: JsonPieces };
        expect(kept.list.length).toBe(answer.list.length);
        expect(kept.list.itemPath(answer.list.length - 1, ['i'])).toBe(answer.list.length - 1);
      }
    }
    // An unclosed string at any of those lengths is the end of the input.
    for (const s of strings.slice(0, 300)) expect(() => parseJsonBytes(bytesOf(`[["${s.replace(/\\|"/g, '')}`), { whole: 0, piece: 16 })).toThrow(SyntaxError);
  });

  it('gives what JSON.parse gives for random documents, pretty-printed or not, at any piece size', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const value = randomValue(seed);
      for (const text of [JSON.stringify(value), JSON.stringify(value, null, seed % 2 ? 2 : '\t')]) {
        const expected = JSON.parse(text) as unknown;
        for (const piece of [1, 16, 200]) expect(parseJsonBytes(bytesOf(` \n${text}\r\n `), { whole: 0, piece })).toStrictEqual(expected);
      }
    }
  });

  it('never turns a large answer into one string', () => {
    const text = JSON.stringify({ items: Array.from({ length: 6000 }, (_, i) => ({ id: i, name: `item ${i}`, tags: ['a', 'b'] })) });
    expect(text.length).toBeGreaterThan(2 * WHOLE_BYTES);
    const toString = vi.spyOn(Buffer.prototype, 'toString');
    const parsed = parseJsonBytes(bytesOf(text)) as { items: unknown[] };
    expect(parsed.items).toHaveLength(6000);
    const longest = Math.max(...toString.mock.results.map((r) => String(r.value).length));
    expect(longest).toBeLessThan(WHOLE_BYTES);
  });

  it('keeps `__proto__` as an own key and the last of repeated keys, as JSON.parse does', () => {
    const text = '{"__proto__": {"polluted": true}, "a": 1, "a": 2, "list": [{"__proto__": 1}]}';
    const parsed = parseJsonBytes(bytesOf(text), TINY) as Record<string, unknown>;
    expect(parsed).toStrictEqual(JSON.parse(text));
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.keys(parsed)).toEqual(['__proto__', 'a', 'list']);
    expect(parsed.a).toBe(2);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('skips a UTF-8 byte order mark', () => {
    const text = JSON.stringify({ list: Array.from({ length: 20 }, (_, i) => ({ i })) });
    expect(parseJsonBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytesOf(text)]), TINY)).toEqual(JSON.parse(text));
    expect(parseJsonBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytesOf('[1]')]))).toEqual([1]);
  });

  it('throws a SyntaxError for what is not JSON, wherever the fault is', () => {
    const bad = [
      '',
      '   ',
      '{"jobs": [{"a": 1}, {"b": 2}]',
      '{"jobs": [{"a": 1}, {"b": 2}]}}',
      '{"jobs": [{"a": 1} {"b": 2}]}',
      '{"jobs": [{"a": 1}, {"b": 2}}',
      '{"jobs": [{"a": 1}, {"b": 2},]}',
      '{"jobs": [{"a": 1}], }',
      '{"jobs" [{"a": 1}]}',
      '{jobs: [{"a": 1}]}',
      "{'jobs': [{\"a\": 1}]}",
      '{"jobs": [{"a": "unterminated}]}',
      '{"jobs": [{"a": 1}, tru]}',
      '{"jobs": [{"a": 1}]} trailing',
      '[{"a": 1}, {"b": 2}] [1]',
      '{"jobs": [{"a": 01}, {"b": 2}]}',
    ];
    for (const text of bad) {
      for (const sizes of [TINY, { whole: 0, piece: 1 }]) expect(() => parseJsonBytes(bytesOf(text), sizes), text).toThrow(SyntaxError);
    }
  });
});

describe('parseJsonBytes with lazy lists', () => {
  const clients = Array.from({ length: 120 }, (_, i) => ({
    client: { clientEntity: { clientId: i + 1, clientName: `client "${i}"`, hostName: `h${i}.corp` }, clientDescription: i % 2 ? 'a ]} b' : null },
    clientProps: { isDeletedClient: false, nested: { clientProperties: [1, 2] } },
  }));
  const answer = { filterQueryCount: 120, clientProperties: clients, nested: { clientProperties: [{ a: 1 }] } };
  const text = JSON.stringify(answer);
  const lazy = { whole: 0, piece: 64, lazyLists: new Set(['clientProperties']), malformed: () => new Error('malformed answer') };

  it('keeps a named top-level list as its items, each parsed when read, and nothing else', () => {
    const body = parseJsonBytes(bytesOf(text), lazy) as Record<string, unknown>;
    const items = body.clientProperties as JsonPieces;
    expect(items).toBeInstanceOf(JsonPieces);
    expect(items.length).toBe(120);
    expect(items.at(41)).toEqual(clients[41]);
    expect(items.at(41)).toBe(items.at(41)); // parsed once
    expect(items.at(120)).toBeUndefined();
    expect(Object.isFrozen(items.at(7))).toBe(true); // shared, as every answer (tests run outside production)
    // The same key deeper down is an ordinary array.
    expect((body.nested as Record<string, unknown>).clientProperties).toEqual([{ a: 1 }]);
    expect(items.toArray()).toEqual(clients);
    // Stored as JSON (the shared cache), it is the answer it came as.
    expect(JSON.parse(JSON.stringify(body))).toEqual(answer);
  });

  it('reads one value of an item from its bytes, matching keys as field() does', () => {
    const body = parseJsonBytes(bytesOf(text), lazy) as Record<string, unknown>;
    const items = body.clientProperties as JsonPieces;
    expect(items.itemPath(9, ['client', 'clientEntity', 'clientId'])).toBe(10);
    expect(items.itemPath(9, ['CLIENT', 'ClientEntity', 'clientname'])).toBe('client "9"');
    expect(items.itemPath(9, ['client', 'clientDescription'])).toBe('a ]} b');
    expect(items.itemPath(9, ['client', 'missing'])).toBeUndefined();
    expect(items.itemPath(9, ['client', 'clientEntity', 'clientId', 'deeper'])).toBeUndefined();
    const oddText = '{"list": [{"ID": 1, "id": 2}, {"Id": 3, "ID": 4}, {"i\\u0064": 5}, 7]}';
    expect(JSON.parse(oddText).list[2].id).toBe(5);
    const odd = parseJsonBytes(bytesOf(oddText), { ...lazy, lazyLists: new Set(['list']), piece: 4 }) as { list: JsonPieces };
    expect(odd.list.itemPath(0, ['id'])).toBe(2); // the exact key first
    expect(odd.list.itemPath(1, ['id'])).toBe(3); // else the first of another casing
    expect(odd.list.itemPath(2, ['id'])).toBe(5); // an escaped key read as JSON reads it
    expect(odd.list.itemPath(3, ['id'])).toBeUndefined(); // not an object
    const numbers = parseJsonBytes(bytesOf('{"list": [{"a": -12, "b": 0, "c": -0, "d": 1.5e3, "e": 123456789012345678, "f": "x\\ty", "g": true, "h": 012}]}'), { ...lazy, lazyLists: new Set(['list']), piece: 4 }) as { list: JsonPieces };
    expect(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((k) => numbers.list.itemPath(0, [k]))).toStrictEqual([-12, 0, -0, 1500, 123456789012345678, 'x\ty', true]);
    expect(() => numbers.list.itemPath(0, ['h'])).toThrow('malformed answer'); // a leading zero is not JSON
  });

  it('reads several keys of one object of an item in one walk, each as itemPath reads it', () => {
    const body = parseJsonBytes(bytesOf(text), lazy) as Record<string, unknown>;
    const items = body.clientProperties as JsonPieces;
    const keys = ['clientId', 'CLIENTNAME', 'missing', 'hostName'];
    for (const i of [0, 9, 41]) {
      expect(items.itemFields(i, ['client', 'clientEntity'], keys)).toStrictEqual(keys.map((k) => items.itemPath(i, ['client', 'clientEntity', k])));
    }
    expect(items.itemFields(9, [], ['client'])).toStrictEqual([items.itemPath(9, ['client'])]); // the item itself; an object value parsed
    expect(items.itemFields(9, ['client', 'missing'], ['a', 'b'])).toStrictEqual([undefined, undefined]);
    expect(items.itemFields(9, ['client', 'clientDescription'], ['a'])).toStrictEqual([undefined]); // a string, not an object
    // Exact keys first, else the first of another letter case, escaped keys decoded, whatever order the keys come in.
    const oddText = '{"list": [{"ID": 1, "id": 2, "Name": "a", "nAME": "b"}, {"Id": 3, "ID": 4, "name": "c"}, {"i\\u0064": 5, "NAME": "d"}, 7]}';
    const odd = parseJsonBytes(bytesOf(oddText), { ...lazy, lazyLists: new Set(['list']), piece: 4 }) as { list: JsonPieces };
    for (let i = 0; i < 4; i++) {
      expect(odd.list.itemFields(i, [], ['id', 'name'])).toStrictEqual(['id', 'name'].map((k) => odd.list.itemPath(i, [k])));
      expect(odd.list.itemFields(i, [], ['name', 'id'])).toStrictEqual(['name', 'id'].map((k) => odd.list.itemPath(i, [k])));
    }
    expect(odd.list.itemFields(0, [], ['id', 'name'])).toStrictEqual([2, 'a']);
    // An object that breaks off keeps an exact match found before the break, as itemPath does, and loses the rest.
    const broken = parseJsonBytes(bytesOf('{"list": [{"Id": 1, "name": "x", 5: 6}, 8]}'), { ...lazy, lazyLists: new Set(['list']), piece: 4 }) as { list: JsonPieces };
    expect(broken.list.itemFields(0, [], ['name', 'id'])).toStrictEqual(['name', 'id'].map((k) => broken.list.itemPath(0, [k])));
    expect(broken.list.itemFields(0, [], ['name', 'id'])).toStrictEqual(['x', undefined]);
  });

  it('tells whether an item holds a value other than null at a path, from the first byte of that value', () => {
    const body = parseJsonBytes(bytesOf(text), lazy) as Record<string, unknown>;
    const items = body.clientProperties as JsonPieces;
    expect(items.itemHas(3, ['client'])).toBe(true); // an object, not walked
    expect(items.itemHas(3, ['CLIENT', 'clientEntity', 'hostName'])).toBe(true);
    expect(items.itemHas(2, ['client', 'clientDescription'])).toBe(false); // null
    expect(items.itemHas(3, ['client', 'clientDescription'])).toBe(true);
    expect(items.itemHas(3, ['client', 'missing'])).toBe(false);
    expect(items.itemHas(3, ['client', 'clientEntity', 'clientId', 'deeper'])).toBe(false);
  });

  it('keeps a named list as its items in an answer parsed in pieces, however small the list', () => {
    const small = JSON.stringify({ clientProperties: [{ a: 1 }, { b: [2] }], padding: 'x'.repeat(200) });
    const body = parseJsonBytes(bytesOf(small), lazy) as Record<string, unknown>;
    expect(body.clientProperties).toBeInstanceOf(JsonPieces);
    expect((body.clientProperties as JsonPieces).toArray()).toEqual([{ a: 1 }, { b: [2] }]);
    expect(body.padding).toBe('x'.repeat(200));
  });

  it('parses small answers whole, lists included', () => {
    const body = parseJsonBytes(bytesOf(text), { lazyLists: new Set(['clientProperties']) }) as Record<string, unknown>;
    expect(text.length).toBeLessThan(WHOLE_BYTES);
    expect(Array.isArray(body.clientProperties)).toBe(true);
  });

  it('finds the lazy lists beforehand as the walk finds them, and uses such bounds instead of walking', () => {
    const answer = JSON.stringify({ before: { a: [1, 2] }, clientProperties: [{ a: '"]' }, [], 3, 'x'], after: [{ b: '}' }], other: [1] });
    const lists = lazyListBounds(bytesOf(answer), new Set(['clientProperties', 'after']));
    expect(lists?.map((l) => answer.slice(l.start, l.end))).toEqual(['[{"a":"\\"]"},[],3,"x"]', '[{"b":"}"}]']);
    const items = lists![0]!.items;
    expect(Array.from({ length: items.length / 2 }, (_, i) => answer.slice(items[2 * i], items[2 * i + 1]))).toEqual(['{"a":"\\"]"}', '[]', '3', '"x"']);
    // Not an object, a list not closed, an item missing: none (the walk then judges the bytes itself).
    for (const bad of ['[1]', '{"clientProperties": [1, 2}', '{"clientProperties": [1,,2]}', '{"clientProperties": [1] 2}', '{"a" 1}']) {
      expect(lazyListBounds(bytesOf(bad), new Set(['clientProperties'])), bad).toBeUndefined();
    }
    // Bounds handed in are used as found: these (item 0 made to span "3" only) show the walk did not look again.
    const shifted = lists!.map((l) => (l.items[0] === undefined ? l : { ...l, items: Int32Array.from([answer.indexOf('3'), answer.indexOf('3') + 1]) }));
    const body = parseJsonBytes(bytesOf(answer), { whole: 0, lazyLists: new Set(['clientProperties', 'after']), listBounds: shifted.slice(0, 1) }) as Record<string, unknown>;
    expect((body.clientProperties as JsonPieces).toArray()).toEqual([3]);
    expect((body.after as JsonPieces).toArray()).toEqual([{ b: '}' }]);
    expect(body.other).toEqual([1]);
  });

  it('refuses a list whose brackets do not match at once, and an item that is not JSON when it is read', () => {
    expect(() => parseJsonBytes(bytesOf(text.slice(0, -30)), lazy)).toThrow(SyntaxError);
    const broken = text.replace('"isDeletedClient":false', '"isDeletedClient":fals');
    const items = (parseJsonBytes(bytesOf(broken), lazy) as Record<string, unknown>).clientProperties as JsonPieces;
    expect(() => items.at(0)).toThrow('malformed answer');
    expect(() => items.toArray()).toThrow('malformed answer');
  });
});
