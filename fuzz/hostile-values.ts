import type { Prng } from '../simulators/common/prng.js';

/**
 * The raw material of hostile inputs: strings and numbers chosen to break parsers, encoders and
 * range checks rather than to look realistic. Each function takes the generator so a seed replays.
 */

/** Characters of the Backup and DR list-view grammar (`attr:==v&attr:!=w,sort`), URL syntax and quoting. */
const GRAMMAR_PIECES = [
  ':', '==', ':==', ':=|', ':!=', ':>=', ':<=', ':=b', '&', '|', ',', ';', '=', '!', '<', '>', '(', ')', '[', ']',
  '%', '%25', '%26', '%3D', '+', '*', '?', '#', '/', '\\', '"', "'", '`', '$', '{', '}', ' AND ', ' OR ', 'sort=', 'filter=',
  'name:==x', 'apptype:==VMBackup&managed:==true', '&filter=id:>=0', '\r\n', '\n', '\t',
];

const UNICODE_PIECES = [
  'é', 'ß', 'Ω', '中文', '日本語', '한국어', 'العربية', 'עברית', '\u202e', '\u200b', '\ufeff', '\u0000', '\u0001',
  '\u001f', '\u007f', '\u2028', '\u2029', '💾', '👩‍👩‍👧', '🏳️‍🌈', '\ud83d', '\udcbe', '\uffff', 'Z̷̢͎a̵l̶g̸o', '\u0301',
];

const ASCII = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_. ';

export function asciiWord(r: Prng, max = 12): string {
  let out = '';
  const n = r.int(1, max);
  for (let i = 0; i < n; i++) out += ASCII[r.int(0, ASCII.length - 1)];
  return out;
}

/** A string of console filter grammar, quotes and control characters. */
export function grammarString(r: Prng): string {
  let out = r.chance(0.5) ? asciiWord(r, 6) : '';
  const n = r.int(1, 8);
  for (let i = 0; i < n; i++) out += r.pick(GRAMMAR_PIECES) + (r.chance(0.4) ? asciiWord(r, 4) : '');
  return out;
}

/** Text in many scripts, with combining marks, bidi overrides, NUL and lone surrogates. */
export function unicodeString(r: Prng): string {
  let out = '';
  const n = r.int(1, 10);
  for (let i = 0; i < n; i++) out += r.chance(0.7) ? r.pick(UNICODE_PIECES) : asciiWord(r, 4);
  return out;
}

/** Between 1 KiB and 300 KiB: past the console's 1024-character bounds, and sometimes past the body limit. */
export function hugeString(r: Prng): string {
  const size = r.weighted([[1025, 3], [r.int(2_000, 20_000), 3], [r.int(60_000, 120_000), 1], [r.int(200_000, 300_000), 1]] as const);
  const unit = r.weighted([['a', 3], ['é', 1], ['💾', 1], [grammarString(r), 1]] as const);
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** Any of the above, or an ordinary word; most strings in a case go through here. */
export function hostileString(r: Prng): string {
  return r.weighted([
    [() => asciiWord(r), 4],
    [() => '', 1],
    [() => grammarString(r), 3],
    [() => unicodeString(r), 3],
    [() => hugeString(r), 1],
  ] as const)();
}

/** Integers at and past every bound a field may have: 0, negatives, 32-bit edges, beyond 2^53, floats. */
export function hostileNumber(r: Prng): number {
  return r.weighted([
    [r.int(0, 50), 4],
    [r.int(-5, 5), 2],
    [r.pick([-1, 0, 1, 365, 366, 500, 501, 1000, 1001, 10_000]), 3],
    [r.pick([2147483647, 2147483648, -2147483648, -2147483649, 4294967296]), 2],
    [r.pick([Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, 1e21, -1e21, 1.5, -0.5, 1e-7]), 2],
  ] as const);
}

/** A date-time string, valid or not: epoch edges, year 99999, offsets, garbage. */
export function hostileDateTime(r: Prng): string {
  return r.pick([
    new Date(Date.now() - r.int(0, 40) * 86_400_000).toISOString(),
    '1970-01-01T00:00:00Z', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z', '+099999-01-01T00:00:00Z',
    '2024-02-30T00:00:00Z', '2024-13-01T00:00:00Z', '2024-01-01', '2024-01-01T25:61:61Z', 'yesterday', '', '1e21',
    '2024-01-01T00:00:00+14:00', '2024-01-01T00:00:00-12:00', hostileString(r),
  ]);
}
