/**
 * What a console's lists say about its applications' backups (docs/schema.md, "Protected workloads"):
 * which applications backups are expected for, the capture jobs of a window, and each application's
 * newest successful capture and newest capture job.
 *
 * A backup of an application is a job that captures a new recovery point from it: the job classes in
 * CAPTURE_JOB_CLASSES. Copies of an existing image (OnVault, StreamSnap, dedupasync) are left out: a
 * weekly OnVault copy of a snapshot taken weeks ago would otherwise hide that the snapshots stopped.
 * Mounts, expirations and log backups are not backups of the application either (a log backup alone
 * cannot be restored without a snapshot).
 */
import { ErrorCode } from '../../errors/codes.js';
import { GatewayError } from '../../errors/gateway-error.js';
import { backupFacts, type BackupFacts } from '../../monitoring/protection.js';
import { MAX_IDS_PER_CALL, type BackupDrSource } from './backupdr-source.js';
import { enumConditions, ID_ORDER, JOB_ORDER, micros } from './list-specs.js';
import type { BdrApplication, BdrJob, BdrResource, BdrResourceTypes } from './model.js';
import type { FilterCondition, ListSpec } from './query-builder.js';

/** The job classes that capture a recovery point from the application (console spelling, compared case-insensitively). */
export const CAPTURE_JOB_CLASSES: readonly string[] = ['snapshot', 'dedup', 'DirectOnVault'];

/** Items per page of a walk: the page the gateway asks consoles for elsewhere (disk pools), and the simulator's default. */
export const WALK_PAGE_SIZE = 1000;
/** A walk longer than this is refused (QUERY_TOO_COMPLEX): 50 000 jobs, about two months of a 800-application console. */
export const MAX_WALK_PAGES = 50;
/**
 * After this many full pages a walk asks the list's HEAD count (one call) and stops at once when the
 * console's estimate says it would pass MAX_WALK_PAGES, instead of reading 50 pages before refusing.
 */
export const COUNT_CHECK_AFTER_PAGES = 10;
/** How many of an application's newest capture jobs its own history call reads (one page), as for a Commvault client. */
export const APPLICATION_HISTORY_LIMIT = 200;

const CAPTURE_CLASSES_LOWER = new Set(CAPTURE_JOB_CLASSES.map((c) => c.toLowerCase()));

/** A console job that is a backup of its application (its class is a capture class). */
export function isCaptureJob(job: { jobType: string | null }): boolean {
  return job.jobType !== null && CAPTURE_CLASSES_LOWER.has(job.jobType.toLowerCase());
}

const appIs = (id: string): FilterCondition => ({ field: 'appid', op: 'EQ', value: id });

/**
 * Every item of a list, page after page (`WALK_PAGE_SIZE`, in id order so that items added meanwhile
 * land after the last page), until a page comes back short. An item seen twice counts once.
 * @throws QUERY_TOO_COMPLEX past MAX_WALK_PAGES pages, or as soon as the HEAD count says so (COUNT_CHECK_AFTER_PAGES).
 */
async function walk<R extends BdrResource>(source: BackupDrSource, resource: R, spec: ListSpec): Promise<Array<BdrResourceTypes[R]>> {
  const tooLong = (items: number) =>
    new GatewayError(ErrorCode.QUERY_TOO_COMPLEX, `the ${resource} list of console "${source.instanceId}" holds ${items} items or more; narrow the window`, {
      upstream: { instance: source.instanceId },
    });
  const seen = new Set<string>();
  const out: Array<BdrResourceTypes[R]> = [];
  for (let page = 0; ; page++) {
    if (page === MAX_WALK_PAGES) throw tooLong(page * WALK_PAGE_SIZE);
    if (page === COUNT_CHECK_AFTER_PAGES) {
      const total = await source.count(resource, spec);
      if (total > MAX_WALK_PAGES * WALK_PAGE_SIZE) throw tooLong(total);
    }
    const { items } = await source.listBuilt(resource, { ...spec, defaultSort: ID_ORDER, offset: page * WALK_PAGE_SIZE, limit: WALK_PAGE_SIZE });
    for (const item of items) {
      if (seen.has(item.consoleId)) continue;
      seen.add(item.consoleId);
      out.push(item);
    }
    if (items.length < WALK_PAGE_SIZE) return out;
  }
}

/** `jobclass:==` conditions for the capture classes the console lists in OPTIONS; null when it knows none. */
const captureClasses = (source: BackupDrSource, resource: BdrResource) => enumConditions(source, resource, 'jobclass', CAPTURE_JOB_CLASSES);

/**
 * The applications backups are expected for: those an SLA manages (`GET /application?filter=managed:==true`,
 * ⌈M/1000⌉ pages, at least one). Discovered applications without an SLA are not workloads: a console
 * discovers every VM of a vCenter and every database of a host, and most are never meant to be backed up.
 */
export function listManagedApplications(source: BackupDrSource): Promise<BdrApplication[]> {
  return walk(source, 'application', { conditions: [{ field: 'managed', op: 'EQ', value: 'true' }] });
}

/**
 * The window's lower bound as sent: rounded down to the whole minute (a superset; callers filter by the
 * exact cutoff), so a window given relative to now ("the last 7 days") asks the same URLs for a minute
 * and repeated or concurrent requests share cache entries and in-flight calls.
 */
const CUTOFF_GRANULARITY_MS = 60_000;

/**
 * Every finished capture job started at or after `cutoff` (and some in the minute before it):
 * `GET /jobhistory?filter=jobclass:==…&filter=startdate:>=…`, ⌊J/1000⌋ + 1 pages for J such jobs.
 */
export async function finishedCapturesSince(source: BackupDrSource, cutoff: Date): Promise<BdrJob[]> {
  const classes = await captureClasses(source, 'finishedJob');
  if (classes === null) return [];
  const from = new Date(Math.floor(cutoff.getTime() / CUTOFF_GRANULARITY_MS) * CUTOFF_GRANULARITY_MS);
  return walk(source, 'finishedJob', { conditions: [...classes, { field: 'startdate', op: 'GE', value: micros(from) }] });
}

/** Id unions per chunk of applications before the ones still open cost a call each (captureFacts). */
const UNION_ROUNDS = 2;

/**
 * Each application's backup facts (newest successful capture, newest capture job of any status, running
 * ones included) for many applications of one console, per MAX_IDS_PER_CALL applications:
 *  1. ONE `GET /jobstatus?filter=appid:==…&filter=jobclass:==…` (an id union), newest start first, WALK_PAGE_SIZE
 *     jobs. A page that came back short holds every capture job of those applications: each is answered.
 *     From a full page, an application is answered once one of its successes is there (newest first, so
 *     its newest job is there too).
 *  2. The same union over the applications still open (those never or long not successful, often with few
 *     jobs): answered alike.
 *  3. Those still open cost one call each: their newest APPLICATION_HISTORY_LIMIT capture jobs.
 * Applications backed up daily settle in step 1, unmanaged and stopped ones in step 2, so a page of 100
 * applications costs one or two calls.
 */
export async function captureFacts(source: BackupDrSource, appIds: readonly string[]): Promise<Map<string, BackupFacts<BdrJob>>> {
  const facts = new Map<string, BackupFacts<BdrJob>>();
  const wanted = [...new Set(appIds)];
  const classes = await captureClasses(source, 'job');
  if (classes === null) {
    for (const id of wanted) facts.set(id, backupFacts([], isCaptureJob));
    return facts;
  }
  const newestFirst = async (ids: readonly string[], limit: number) =>
    (await source.listBuilt('job', { conditions: [...ids.map(appIs), ...classes], defaultSort: JOB_ORDER, limit })).items;
  const settle = async (ids: readonly string[], rounds: number): Promise<void> => {
    if (ids.length === 0) return;
    if (rounds === 0) {
      await Promise.all(ids.map(async (id) => facts.set(id, backupFacts(await newestFirst([id], APPLICATION_HISTORY_LIMIT), isCaptureJob))));
      return;
    }
    const page = await newestFirst(ids, WALK_PAGE_SIZE);
    const complete = page.length < WALK_PAGE_SIZE;
    const jobsOf = new Map<string, BdrJob[]>(ids.map((id) => [id, []]));
    for (const job of page) if (job.applicationId !== null) jobsOf.get(job.applicationId)?.push(job);
    const open: string[] = [];
    for (const id of ids) {
      const found = backupFacts(jobsOf.get(id) as BdrJob[], isCaptureJob);
      if (complete || found.lastSuccessfulBackupAt !== null) facts.set(id, found);
      else open.push(id);
    }
    await settle(open, rounds - 1);
  };
  const chunks: string[][] = [];
  for (let i = 0; i < wanted.length; i += MAX_IDS_PER_CALL) chunks.push(wanted.slice(i, i + MAX_IDS_PER_CALL));
  await Promise.all(chunks.map((chunk) => settle(chunk, UNION_ROUNDS)));
  return facts;
}
