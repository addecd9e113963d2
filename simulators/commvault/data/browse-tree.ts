import { Prng } from '../../common/prng.js';
import type { CommvaultDataset, Job, OsFamily, Subclient } from './types.js';

/**
 * The backed-up file tree of each subclient, as `POST /DoBrowse` shows it at a point in time
 * (docs/upstreams/commvault.md §4.4). Seeded per subclient, so tests compute the same tree the routes
 * answer from. Nothing is stored: a file is born in the Nth finished backup of its subclient and may
 * change in later ones, so the tree at time T follows from the backups that had finished by T — and a
 * backup started through the API adds the files born in its ordinal once it completes.
 */

/** One file of the seeded tree, before a point in time is chosen. */
interface SeededFile {
  /** Path segments from the root: `['C:', 'Users', 'a.txt']` (Windows) or `['var', 'log', 'x.log']` (Linux). */
  segments: string[];
  /** Ordinal (0 = first) of the finished backup that first held the file. */
  born: number;
  /** Ordinals of later backups that held a changed version, ascending. */
  changedAt: number[];
  /** Bytes of each version: born first, then one per change. */
  sizes: number[];
  /** Where in the gap before its backup each version's mtime falls (0..1). */
  mtimeAt: number[];
  /** Ordinal of the first backup that no longer holds the file (it was deleted before it); null: never deleted. */
  deletedAt: number | null;
}

/** One item a browse or find answers: a file, or a folder summed over its visible files. */
export interface BrowseItem {
  segments: string[];
  /** The path as Commvault prints it: `C:\Users\a.txt`, `/var/log/x.log`. */
  path: string;
  name: string;
  isDirectory: boolean;
  sizeBytes: number;
  /** Unix seconds. */
  modifiedAt: number;
  /** The backup job that holds this version (a folder: the newest of its files). */
  backupJobId: number;
  /** That job's end, Unix seconds. */
  backupTime: number;
  /** Deleted from the client: gone from backups after `backupTime`, listed only when deleted items are asked for. */
  deleted: boolean;
}

/** What one browse or find reads: the state at `toTime`, of versions backed up from `fromTime`, with deleted items or not. */
export interface BrowseWindow {
  /** Unix seconds; 0 = after the latest backup. */
  toTime: number;
  /** Unix seconds; 0 = from the first backup. Only versions backed up by a job that ended at or after it show. */
  fromTime?: number;
  /** Also list files deleted before `toTime`, in their last backed-up version (`showDeletedFiles`). */
  includeDeleted?: boolean;
}

const WINDOWS_DIRS = ['Users', 'Data', 'Projects', 'Reports', 'Finance', 'Archive', 'Shared', 'Scripts', 'Logs', 'Templates'];
const LINUX_DIRS = ['home', 'etc', 'srv', 'opt', 'data', 'backup', 'reports', 'scripts', 'logs', 'projects'];
const BASES = ['report', 'invoice', 'notes', 'budget', 'readme', 'config', 'export', 'photo', 'draft', 'summary', 'index', 'ledger'];
const EXTENSIONS = ['.txt', '.docx', '.xlsx', '.pdf', '.csv', '.log', '.jpg', '.conf'];

/** A folder's subfolders stop here (0 = the content root). */
const MAX_DEPTH = 2;
/** The backups a file may be born in after the first; later ordinals appear as API backups finish. */
const LATEST_BIRTH = 10;
/** Before the first backup, file times reach back this far. */
const WEEK_S = 7 * 86_400;

const trees = new WeakMap<Subclient, { seed: number; files: SeededFile[] }>();

/** Backups that wrote data, in the order they finished: the ordinals files are born and change in. */
export function finishedBackups(data: CommvaultDataset, subclientId: number): Job[] {
  return data.jobs
    .filter((j) => j.subclientId === subclientId && j.jobType === 'Backup' && j.endTime > 0 && j.status.startsWith('Completed'))
    .sort((a, b) => a.endTime - b.endTime || a.jobId - b.jobId);
}

/**
 * Everything a browse sees in `window`: files and the folders holding them. A folder shows when one of its
 * files does, and is deleted only when all of those are.
 */
export function itemsAt(data: CommvaultDataset, subclient: Subclient, window: BrowseWindow | number): BrowseItem[] {
  const { toTime, fromTime = 0, includeDeleted = false } = typeof window === 'number' ? { toTime: window } : window;
  const os = osOf(data, subclient);
  const all = finishedBackups(data, subclient.subclientId);
  const backups = toTime > 0 ? all.filter((j) => j.endTime <= toTime) : all;
  const folders = new Map<string, BrowseItem>();
  const items: BrowseItem[] = [];
  for (const file of seededFiles(data.seed, subclient, os)) {
    if (file.born >= backups.length) continue;
    const deleted = file.deletedAt !== null && file.deletedAt < backups.length;
    if (deleted && !includeDeleted) continue;
    // A deleted file shows as the last backup before its deletion held it.
    const held = deleted ? (file.deletedAt as number) : backups.length;
    let version = 0;
    while (version < file.changedAt.length && file.changedAt[version] < held) version += 1;
    const ordinal = version === 0 ? file.born : file.changedAt[version - 1];
    const job = backups[ordinal];
    if (job.endTime < fromTime) continue;
    const gapStart = ordinal > 0 ? backups[ordinal - 1].endTime : backups[0].startTime - WEEK_S;
    const modifiedAt = gapStart + Math.floor(file.mtimeAt[version] * Math.max(0, job.startTime - gapStart));
    const item = entry(os, file.segments, false, file.sizes[version], modifiedAt, job, deleted);
    items.push(item);
    for (let depth = 1; depth < file.segments.length; depth++) {
      const segments = file.segments.slice(0, depth);
      const key = keyOf(os, segments);
      const folder = folders.get(key);
      if (!folder) {
        const made = entry(os, segments, true, item.sizeBytes, item.modifiedAt, job, deleted);
        folders.set(key, made);
        items.push(made);
        continue;
      }
      folder.sizeBytes += item.sizeBytes;
      folder.modifiedAt = Math.max(folder.modifiedAt, item.modifiedAt);
      folder.deleted = folder.deleted && deleted;
      if (item.backupTime > folder.backupTime) [folder.backupTime, folder.backupJobId] = [item.backupTime, item.backupJobId];
    }
  }
  return items;
}

/** What one browse (`find` false: direct children of `path`) or find (names matching `pattern` below `path`) lists, before paging. */
export function browseItems(data: CommvaultDataset, subclient: Subclient, request: BrowseWindow & { find: boolean; path: string; pattern?: string }): BrowseItem[] {
  const os = osOf(data, subclient);
  const items = itemsAt(data, subclient, request);
  return request.find ? matchesUnder(items, os, request.path, request.pattern ?? '*') : childrenOf(items, os, request.path);
}

/** A browse: the direct children of `path` (`\` or `/` is the root), folders and files by name. */
export function childrenOf(items: readonly BrowseItem[], os: OsFamily, path: string): BrowseItem[] {
  const parent = keyOf(os, parsePath(path));
  const depth = parsePath(path).length + 1;
  return items.filter((i) => i.segments.length === depth && keyOf(os, i.segments.slice(0, -1)) === parent).sort(byName);
}

/** A find: every file and folder below `path` whose name matches the wildcard `pattern` (`*`, `?`), by path. */
export function matchesUnder(items: readonly BrowseItem[], os: OsFamily, path: string, pattern: string): BrowseItem[] {
  const base = parsePath(path);
  const baseKey = keyOf(os, base);
  const matches = wildcard(pattern);
  return items
    .filter((i) => i.segments.length > base.length && keyOf(os, i.segments.slice(0, base.length)) === baseKey && matches(i.name))
    .sort((a, b) => compareText(a.path, b.path));
}

/** The client's OS decides the path form; an unknown client reads as Windows. */
export function osOf(data: CommvaultDataset, subclient: Subclient): OsFamily {
  return data.clients.find((c) => c.clientId === subclient.clientId)?.os ?? 'Windows';
}

/** `C:\Users\`, `/var/log`, `\` → segments; both separators are accepted, empty segments dropped. */
export function parsePath(path: string): string[] {
  return path.split(/[\\/]+/).filter((s) => s !== '');
}

/** Case-insensitive (Commvault's find is), `*` any run of characters, `?` exactly one. */
export function wildcard(pattern: string): (name: string) => boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  const re = new RegExp(`^${source}$`, 'is');
  return (name) => re.test(name);
}

function seededFiles(seed: number, subclient: Subclient, os: OsFamily): SeededFile[] {
  const known = trees.get(subclient);
  if (known && known.seed === seed) return known.files;
  const random = new Prng(seed).fork(`browse:${subclient.subclientId}`);
  const files: SeededFile[] = [];
  const dirNames = os === 'Windows' ? WINDOWS_DIRS : LINUX_DIRS;
  const addFolder = (segments: string[], depth: number): void => {
    const used = new Set<string>();
    const fresh = (make: () => string): string => {
      let name = make();
      while (used.has(name.toLowerCase())) name = make();
      used.add(name.toLowerCase());
      return name;
    };
    for (let n = random.int(2, 5); n > 0; n--) {
      const name = fresh(() => `${random.pick(BASES)}-${random.int(1, 999)}${random.pick(EXTENSIONS)}`);
      files.push(seededFile(random, [...segments, name]));
    }
    if (depth >= MAX_DEPTH) return;
    for (let n = depth === 0 ? random.int(2, 4) : random.int(0, 2); n > 0; n--) {
      addFolder([...segments, fresh(() => random.pick(dirNames))], depth + 1);
    }
  };
  // Subclients without file content (databases, VMs) have nothing to browse here.
  for (const root of subclient.content) addFolder(parsePath(root), 0);
  trees.set(subclient, { seed, files });
  return files;
}

function seededFile(random: Prng, segments: string[]): SeededFile {
  const born = random.chance(0.6) ? 0 : random.int(1, LATEST_BIRTH);
  const changes = random.weighted<number>([[0, 6], [1, 3], [2, 1]]);
  const changedAt = [...new Set(Array.from({ length: changes }, () => born + random.int(1, 8)))].sort((a, b) => a - b);
  const sizes = [Math.round(2 ** random.float(8, 26))];
  for (let i = 0; i < changedAt.length; i++) sizes.push(Math.max(1, Math.round(sizes[i] * random.float(0.8, 1.5))));
  const mtimeAt = sizes.map(() => random.next());
  return { segments, born, changedAt, sizes, mtimeAt, deletedAt: deletionOf(segments, born, changedAt) };
}

/**
 * About one file in five is deleted a few backups after its last change. Derived from the path, not
 * drawn, so the seeded tree is otherwise what it was.
 */
function deletionOf(segments: readonly string[], born: number, changedAt: readonly number[]): number | null {
  let hash = 0;
  for (const ch of segments.join('/')) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  if (hash % 5 !== 0) return null;
  return Math.max(born, ...changedAt) + 1 + (hash % 4);
}

function entry(os: OsFamily, segments: string[], isDirectory: boolean, sizeBytes: number, modifiedAt: number, job: Job, deleted: boolean): BrowseItem {
  return {
    deleted,
    segments,
    path: os === 'Windows' ? segments.join('\\') : `/${segments.join('/')}`,
    name: segments[segments.length - 1],
    isDirectory,
    sizeBytes,
    modifiedAt,
    backupJobId: job.jobId,
    backupTime: job.endTime,
  };
}

/** Windows paths compare without case, Linux paths with it. */
function keyOf(os: OsFamily, segments: readonly string[]): string {
  const key = segments.join('\u0000');
  return os === 'Windows' ? key.toLowerCase() : key;
}

function byName(a: BrowseItem, b: BrowseItem): number {
  return compareText(a.name, b.name);
}

function compareText(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}
