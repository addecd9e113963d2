import { badUserInput } from '../../errors/gateway-error.js';

/** Longest path or pattern sent upstream: Windows' long-path limit, far beyond any real folder. */
const MAX_PATH_LENGTH = 32_767;
const MAX_PATTERN_LENGTH = 255;
/** C0/C1 control characters: no file name has them, and they would reach Commvault's index query. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * A browse or find folder: absent means the root. A wildcard in it would turn a browse into a search of
 * several folders, so `*` and `?` are refused (find takes them in `pattern`).
 * @throws BAD_USER_INPUT
 */
export function browsePath(path: string | null | undefined): string | undefined {
  if (path === null || path === undefined) return undefined;
  if (path.trim() === '') throw badUserInput('path must not be empty: leave it out to browse the root');
  if (path.length > MAX_PATH_LENGTH) throw badUserInput(`path must be at most ${MAX_PATH_LENGTH} characters`);
  if (CONTROL.test(path)) throw badUserInput('path must not contain control characters');
  if (/[*?]/.test(path)) throw badUserInput('path must not contain wildcards (* ?): find takes them in pattern');
  return path;
}

/**
 * A find pattern: a file or folder name with `*` and `?`, never a path (Commvault matches it against
 * names only, so a separator could never match). @throws BAD_USER_INPUT
 */
export function findPattern(pattern: string): string {
  if (pattern.trim() === '') throw badUserInput('pattern must not be empty: use * to match every name');
  if (pattern.length > MAX_PATTERN_LENGTH) throw badUserInput(`pattern must be at most ${MAX_PATTERN_LENGTH} characters`);
  if (CONTROL.test(pattern)) throw badUserInput('pattern must not contain control characters');
  if (/[\\/]/.test(pattern)) throw badUserInput('pattern matches names, not paths: give the folder in path');
  return pattern;
}

/** Commvault takes Unix seconds; a time before 1970 has no backup. @throws BAD_USER_INPUT */
export function pointInTime(at: Date | null | undefined): Date | undefined {
  if (at === null || at === undefined) return undefined;
  if (at.getTime() < 1000) throw badUserInput('pointInTime must be after 1970-01-01T00:00:01Z');
  return at;
}

/**
 * The time range of a browse or find: `toTime` and `pointInTime` name the same end (one of them), and the
 * start must not be after it. @throws BAD_USER_INPUT
 */
export function browseWindow(args: { pointInTime?: Date | null; fromTime?: Date | null; toTime?: Date | null }): { pointInTime?: Date; fromTime?: Date } {
  if (args.pointInTime && args.toTime) throw badUserInput('Give pointInTime or toTime, not both: they name the same time');
  const end = pointInTime(args.toTime ?? args.pointInTime);
  if (args.fromTime === null || args.fromTime === undefined) return { pointInTime: end };
  if (args.fromTime.getTime() < 1000) throw badUserInput('fromTime must be after 1970-01-01T00:00:01Z');
  if (end && args.fromTime.getTime() > end.getTime()) throw badUserInput('fromTime must not be after toTime');
  return { pointInTime: end, fromTime: args.fromTime };
}
