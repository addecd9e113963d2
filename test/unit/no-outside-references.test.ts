/**
 * The repository must stand on its own: no tracked text file may point at material outside it — the
 * reference documents and research notes the project was specified from, design or style notes kept
 * elsewhere, or a markdown link that climbs out of the repository root. Upstream facts belong in
 * docs/upstreams/commvault.md and docs/upstreams/backupdr.md, design points in docs/*.md.
 *
 * Also checks that every relative markdown link resolves to a tracked file or folder.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SELF = 'test/unit/no-outside-references.test.ts';

/** Each pattern names what it catches, so a failure says why the line is wrong. */
const OUTSIDE: ReadonlyArray<{ why: string; pattern: RegExp }> = [
  { why: 'absolute path of this machine', pattern: /(^|[\s`'"(])\/work\/[\w.+-]+/ },
  { why: 'path to the shared reference folder', pattern: /(^|[^\w-])(\.\.\/)*shared\/(upstreams|seeds|hooks)\b|\.\.\/shared\b/ },
  { why: 'reference document (seeds)', pattern: /\bseeds?\/|\b[Ss]eeds? ?§|\b[Ss]eed ?\d{3}\b|\b\d{3}_[0-9a-f]{16}\.txt\b/ },
  { why: 'design or style notes kept outside the repository', pattern: /\b(DESIGN|STYLE)\.md\b/ },
  { why: 'outside research notes', pattern: /\bfact sheets?\b|\bupstream notes\b|\bresearch notes\b/i },
];

/** A file name like the upstream notes (`commvault.md`, `backupdr-google-tokens.md`, `upstreams/commvault.md`, …). */
const UPSTREAM_NOTE = /[\w./-]*\b(?:commvault|backupdr)[\w-]*\.md\b/g;

/** Markdown links `[text](target)`; the target up to whitespace or `)`. */
const MARKDOWN_LINK = /\]\(\s*<?([^)\s>]+)>?[^)]*\)/g;

/**
 * Known exceptions: descriptions that are part of the published schema (changing them changes the SDL),
 * reported for a schema change rather than edited in a comment sweep. Each entry must still occur, so
 * the list shrinks when the schema is fixed.
 */
const SCHEMA_EXCEPTIONS: ReadonlyArray<{ file: string; text: string }> = [];

const tracked: readonly string[] = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  .split('\0')
  .filter((f) => f !== '');
const trackedSet = new Set(tracked);
const trackedDirs = new Set(tracked.flatMap((f) => f.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))));

/** Tracked files that are text (no NUL byte), with their lines; the symlinked node_modules is never tracked. */
function textFiles(): Array<{ file: string; lines: string[] }> {
  const out: Array<{ file: string; lines: string[] }> = [];
  for (const file of tracked) {
    let buf: Buffer;
    try {
      buf = readFileSync(join(ROOT, file));
    } catch {
      continue; // deleted in the work tree but still in the index
    }
    if (buf.includes(0)) continue;
    out.push({ file, lines: buf.toString('utf8').split('\n') });
  }
  return out;
}

/** `target` (a repository-relative path, maybe with `..`) normalised; null when it climbs above the root. */
function inRepo(target: string): string | null {
  const n = posix.normalize(target);
  if (n === '..' || n.startsWith('../') || posix.isAbsolute(n)) return null;
  return n.replace(/\/$/, '');
}

function exists(path: string): boolean {
  return path === '.' || path === '' || trackedSet.has(path) || trackedDirs.has(path);
}

/** Whether a note-like file name on a line of `file` names a tracked file (from the root or from `file`'s folder). */
function resolvesToTracked(file: string, name: string): boolean {
  const candidates = [name, posix.join(posix.dirname(file), name)];
  return candidates.some((c) => {
    const p = inRepo(c);
    return p !== null && trackedSet.has(p);
  });
}

/** Problems of one line: outside references, and for markdown, links that leave the root or resolve to nothing. */
function problemsOf(file: string, line: string): string[] {
  const found: string[] = [];
  for (const { why, pattern } of OUTSIDE) {
    const m = pattern.exec(line);
    if (m) found.push(`${why}: "${m[0].trim()}"`);
  }
  for (const m of line.matchAll(UPSTREAM_NOTE)) {
    if (m[0].startsWith('//')) continue; // the path of a URL
    if (!resolvesToTracked(file, m[0])) found.push(`upstream note not in the repository: "${m[0]}"`);
  }
  if (file.endsWith('.md')) {
    for (const m of line.matchAll(MARKDOWN_LINK)) {
      const target = (m[1] ?? '').split('#')[0] ?? '';
      if (target === '' || /^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // anchors, URLs, mailto:
      const resolved = inRepo(posix.join(posix.dirname(file), target));
      if (resolved === null) found.push(`markdown link leaves the repository: "${target}"`);
      else if (!exists(resolved)) found.push(`markdown link to a file the repository does not have: "${target}"`);
    }
  }
  return found;
}

function excepted(file: string, line: string): boolean {
  return SCHEMA_EXCEPTIONS.some((e) => e.file === file && line.includes(e.text));
}

describe('no references to material outside the repository', () => {
  const files = textFiles().filter((f) => f.file !== SELF);

  it('finds the tracked files', () => {
    expect(tracked.length).toBeGreaterThan(100);
    expect(files.some((f) => f.file === 'docs/upstreams/commvault.md')).toBe(true);
    expect(files.some((f) => f.file === 'docs/upstreams/backupdr.md')).toBe(true);
  });

  it('no tracked text file refers to a path or document outside the repository', () => {
    const offences: string[] = [];
    for (const { file, lines } of files) {
      lines.forEach((line, i) => {
        if (excepted(file, line)) return;
        for (const p of problemsOf(file, line)) offences.push(`${file}:${i + 1}: ${p}`);
      });
    }
    expect(offences, offences.join('\n')).toEqual([]);
  });

  it('every schema exception is still needed', () => {
    const stale = SCHEMA_EXCEPTIONS.filter((e) => !files.some((f) => f.file === e.file && f.lines.some((l) => l.includes(e.text))));
    expect(stale, 'remove these from SCHEMA_EXCEPTIONS').toEqual([]);
  });

  it('catches what it is meant to catch', () => {
    // Built from parts, so this file names no outside path itself.
    const shared = ['shared', 'upstreams'].join('/');
    const bad: Array<[string, string]> = [
      ['src/a.ts', `// see /${['work', shared, 'commvault.md'].join('/')}`],
      ['src/a.ts', '/** The error body (seed §3.6). */'],
      ['src/a.ts', '// Seed 002 says so'],
      ['src/a.ts', '// per DESIGN.md "Persisted operations"'],
      ['src/a.ts', '// backupdr.md §5: microseconds'],
      ['src/a.ts', '// upstreams/commvault.md §4'],
      ['src/a.ts', '// commvault-infrastructure.md §5.4'],
      ['docs/a.md', `See [the notes](../../${shared}/backupdr.md).`],
      ['docs/a.md', 'See [the design](../DESIGN.md).'],
      ['README.md', 'See [missing](docs/nowhere.md).'],
    ];
    for (const [file, line] of bad) expect(problemsOf(file, line), line).not.toEqual([]);
    const good: Array<[string, string]> = [
      ['src/a.ts', '// docs/upstreams/commvault.md §5.1: sizes are MB'],
      ['docs/upstreams/backupdr.md', 'see [the list views](backupdr.md) and docs/upstreams/commvault.md §7'],
      ['docs/schema.md', 'See [configuration](configuration.md) and [upstreams](upstreams/commvault.md#7-error-shapes).'],
      ['README.md', 'See [docs/schema.md](docs/schema.md) or https://example.com/backupdr.md.'],
      ['src/a.ts', '// rng seed 42; seeded data'],
    ];
    for (const [file, line] of good) expect(problemsOf(file, line), line).toEqual([]);
  });
});
