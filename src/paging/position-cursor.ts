import { badUserInput } from '../errors/gateway-error.js';
import { base64UrlOf } from '../util/base64url.js';
import type { JobPosition } from './job-order.js';

/**
 * A cursor of a list paged by position (the unified `jobs`): the place of the last item passed, plus for
 * upstreams that can only be paged by offset, where in their list that place was last seen (a hint: the
 * position decides, the hint only saves reading from the top).
 */
export interface PositionCursor {
  position: JobPosition;
  /** Per upstream instance: the offset in its own list of the first item after `position`, when last read. */
  hints: Readonly<Record<string, number>>;
  /**
   * Upstreams that resume from a place of their own (null: from the start): one that failed on a page is
   * asked again from where it stopped, so a failure skips none of its items; the others then keep their
   * own place while it catches up.
   */
  resume: Readonly<Record<string, JobPosition | null>>;
}

const CURSOR_VERSION = 2;

/** 32-bit FNV-1a over the UTF-16 code units of `text`, continuing from `seed`. */
function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A short check over the query's scope and the cursor's body. Cursors are not secrets (a caller may
 * page from any place it likes: filters and rights apply on every page): the check only tells a cursor
 * of another query, a cut-off or an edited one from a real one, so they fail as BAD_USER_INPUT instead of
 * paging from somewhere else. It is keyless, so every replica and every restart accepts the cursors of
 * the others, and cheap (FNV-1a, not a cryptographic hash): a page of 100 edges that selects `cursor`
 * makes 100 of them (docs/performance.md has the figures).
 */
function check(scope: string, body: string): string {
  return base36(fnv1a(body, scopeSeed(scope)));
}

/** The check's seed for `scope`: a page's cursors share one scope, hashed once rather than per cursor. */
let lastScope = '';
let lastSeed = fnv1a('');
function scopeSeed(scope: string): number {
  if (scope !== lastScope) {
    lastSeed = fnv1a(scope);
    lastScope = scope;
  }
  return lastSeed;
}

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
/** Every two-digit base-36 string, `00` to `zz`. */
const DIGIT_PAIRS = Array.from({ length: 36 * 36 }, (_, i) => (DIGITS[Math.floor(i / 36)] as string) + (DIGITS[i % 36] as string));

/** `n.toString(36)` for a 32-bit unsigned integer, two digits a step (a quarter of toString's time). */
function base36(n: number): string {
  if (n < 36) return DIGITS[n] as string;
  let text = '';
  while (n >= 36 * 36) {
    text = (DIGIT_PAIRS[n % (36 * 36)] as string) + text;
    n = Math.floor(n / (36 * 36));
  }
  return (n < 36 ? (DIGITS[n] as string) : (DIGIT_PAIRS[n] as string)) + text;
}

/** Opaque cursor: `<base64url JSON body>.<check>`, bound to `scope` (see cursorScope). */
export function encodePositionCursor(cursor: PositionCursor, scope: string): string {
  const { at, upstream, id } = cursor.position;
  const resume = Object.entries(cursor.resume).map(([key, p]) => [key, p && [p.at, p.upstream, p.id]]);
  const body = base64UrlOf(JSON.stringify([CURSOR_VERSION, [at, upstream, id], cursor.hints, resume]));
  return `${body}.${check(scope, body)}`;
}

/**
 * The cursor `after` stands for; null (the start of the list) when absent.
 * @throws GatewayError BAD_USER_INPUT for a cursor this query did not issue, or one that was altered.
 */
export function decodePositionCursor(after: string | null | undefined, scope: string): PositionCursor | null {
  if (after === null || after === undefined) return null;
  const bad = () => badUserInput('invalid cursor: pass back an endCursor or edge cursor of the same query');
  const dot = after.indexOf('.');
  if (dot < 1 || after.length > 4096) throw bad();
  const body = after.slice(0, dot);
  if (!/^[A-Za-z0-9_-]+$/.test(body) || after.slice(dot + 1) !== check(scope, body)) throw bad();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) throw bad();
  const [version, position, hints, resumeList] = parsed as unknown[];
  if (version !== CURSOR_VERSION || !Array.isArray(resumeList)) throw bad();
  if (typeof hints !== 'object' || hints === null || Array.isArray(hints)) throw bad();
  for (const n of Object.values(hints)) if (!Number.isSafeInteger(n) || (n as number) < 0) throw bad();
  // No prototype: an upstream key such as `__proto__` stays a plain entry.
  const resume: Record<string, JobPosition | null> = Object.create(null);
  for (const entry of resumeList) {
    if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string') throw bad();
    resume[entry[0]] = entry[1] === null ? null : positionOf(entry[1], bad);
  }
  return { position: positionOf(position, bad), hints: hints as Record<string, number>, resume };
}

function positionOf(raw: unknown, bad: () => Error): JobPosition {
  if (!Array.isArray(raw) || raw.length !== 3) throw bad();
  const [at, upstream, id] = raw as unknown[];
  if (at !== null && !Number.isSafeInteger(at)) throw bad();
  if (typeof upstream !== 'string' || typeof id !== 'string') throw bad();
  return { at: at as number | null, upstream, id };
}
