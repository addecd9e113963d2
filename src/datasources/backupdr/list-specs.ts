/**
 * Typed graph filters → console list specs. The typed shortcuts become ordinary console conditions, so
 * they go through the same OPTIONS check as raw `conditions`.
 */
import { CONSOLE_STATUSES } from './mappers/job-status.js';
import type { BackupDrSource } from './backupdr-source.js';
import type { BdrResource } from './model.js';
import type { FilterCondition, FilterOperator, ListSpec } from './query-builder.js';
import type { JobCategory as JobCategoryType, JobStatus } from '../domain.js';
import { badUserInput } from '../../errors/gateway-error.js';
import { fromGlobalId } from '../../util/global-id.js';
import { JobCategory } from '../domain.js';

/** A console list to ask for; `spec: null` means "matches nothing" (answered without a call). */
export interface ConsoleList<R extends BdrResource> {
  resource: R;
  spec: ListSpec | null;
}

/*
 * What the graph's console filters carry, as plain shapes: the schema's input classes (src/schema/backupdr)
 * have these fields, and the planning here needs nothing else of them.
 */
/** A raw console condition: field, operator, value. */
export interface ConditionInput {
  field: string;
  op: string;
  value: string;
}
/** What every console list filter carries. */
export interface ListFilterInput {
  conditions?: readonly ConditionInput[] | null;
  keyword?: string | null;
}
/** A console attribute to sort by, and its direction. */
export interface SortKeyInput {
  field: string;
  direction: 'ASC' | 'DESC';
}
type Sort = readonly SortKeyInput[] | null | undefined;
export interface ApplicationFilterInput extends ListFilterInput {
  appType?: string[] | null;
  managed?: boolean | null;
  nameContains?: string | null;
  host?: string | null;
}
export interface HostFilterInput extends ListFilterInput {
  hostType?: string[] | null;
  nameContains?: string | null;
}
export interface BackupFilterInput extends ListFilterInput {
  application?: string | null;
  jobClass?: string[] | null;
  consistentAfter?: Date | null;
  consistentBefore?: Date | null;
}
export interface JobFilterInput extends ListFilterInput {
  category?: JobCategoryType | null;
  status?: JobStatus[] | null;
  jobClass?: string[] | null;
  application?: string | null;
  startedAfter?: Date | null;
  startedBefore?: Date | null;
}
export interface DiskPoolFilterInput extends ListFilterInput {
  poolType?: string[] | null;
}
export interface EventFilterInput extends ListFilterInput {
  since?: Date | null;
}
export interface AuditFilterInput extends ListFilterInput {
  since?: Date | null;
  userName?: string | null;
}

/** Newest start first, then id, so pages are stable; the unified `jobs` merge relies on it. */
export const JOB_ORDER = 'startdate:desc,id:desc';
/** Newest event first, then id, so pages are stable; the unified `events` merge relies on it. */
export const EVENT_ORDER = 'eventdate:desc,id:desc';
/** Console id ascending: what the console does without `sort`, made explicit so paging is stable. */
export const ID_ORDER = 'id:asc';

const eq = (field: string, values: readonly string[]): FilterCondition[] => values.map((value) => ({ field, op: 'EQ' as const, value }));
const cond = (field: string, op: FilterOperator, value: string): FilterCondition => ({ field, op, value });
/** Dates are epoch microseconds on the wire (docs/upstreams/backupdr.md §6.1). */
export const micros = (d: Date): string => String(d.getTime() * 1000);

/** The parts every console list shares: raw conditions, keyword, the caller's sort or a default order. */
export function baseSpec(filter: ListFilterInput | null | undefined, sort: Sort, defaultSort = ID_ORDER): ListSpec {
  return {
    conditions: (filter?.conditions ?? []).map((c) => cond(c.field, c.op as FilterOperator, c.value)),
    keyword: filter?.keyword ?? null,
    sort: (sort ?? []).map((s) => ({ field: s.field, descending: s.direction === 'DESC' })),
    defaultSort,
  };
}

function withConditions(spec: ListSpec, extra: readonly FilterCondition[]): ListSpec {
  return { ...spec, conditions: [...(spec.conditions ?? []), ...extra] };
}

/**
 * A console object's id from its global id, for filters. @throws BAD_USER_INPUT when the id is of
 * another type or another console (it could match nothing here).
 */
export function consoleIdOf(globalId: string, typeName: string, instanceId: string): string {
  const parts = fromGlobalId(globalId);
  if (parts.typeName !== typeName || parts.instanceId !== instanceId) {
    throw badUserInput(`"${globalId.slice(0, 80)}" is not a ${typeName} of console "${instanceId}"`);
  }
  return parts.localId;
}

export function applicationList(instanceId: string, f: ApplicationFilterInput | null | undefined, sort?: Sort): ConsoleList<'application'> {
  const extra = [...eq('apptype', f?.appType ?? [])];
  if (f?.managed != null) extra.push(cond('managed', 'EQ', String(f.managed)));
  if (f?.nameContains) extra.push(cond('appname', 'CONTAINS', f.nameContains));
  if (f?.host) extra.push(cond('hostid', 'EQ', consoleIdOf(f.host, 'BackupDrHost', instanceId)));
  return { resource: 'application', spec: withConditions(baseSpec(f, sort), extra) };
}

export function hostList(f: HostFilterInput | null | undefined, sort?: Sort): ConsoleList<'host'> {
  const extra = [...eq('hosttype', f?.hostType ?? [])];
  if (f?.nameContains) extra.push(cond('hostname', 'CONTAINS', f.nameContains));
  return { resource: 'host', spec: withConditions(baseSpec(f, sort), extra) };
}

export function backupList(instanceId: string, f: BackupFilterInput | null | undefined, sort?: Sort): ConsoleList<'backup'> {
  const extra = [...eq('jobclass', f?.jobClass ?? [])];
  if (f?.application) extra.push(cond('appid', 'EQ', consoleIdOf(f.application, 'BackupDrApplication', instanceId)));
  if (f?.consistentAfter) extra.push(cond('consistencydate', 'GE', micros(f.consistentAfter)));
  if (f?.consistentBefore) extra.push(cond('consistencydate', 'LE', micros(f.consistentBefore)));
  return { resource: 'backup', spec: withConditions(baseSpec(f, sort, 'consistencydate:desc,id:desc'), extra) };
}

/** The console job list for a category: `/job` (active), `/jobhistory` (finished) or `/jobstatus` (all). */
export function jobResource(category: JobCategory | null | undefined): 'activeJob' | 'finishedJob' | 'job' {
  return category === JobCategory.ACTIVE ? 'activeJob' : category === JobCategory.FINISHED ? 'finishedJob' : 'job';
}

/**
 * The wanted values the console lists for an enum field in OPTIONS (case-insensitively, in the console's
 * spelling); all of them when it lists none. Unknown values would be a 400, but a unified filter that
 * names a status or job type one product lacks should just match nothing there.
 */
export async function knownValues(source: BackupDrSource, resource: BdrResource, field: string, wanted: readonly string[]): Promise<string[]> {
  const values = (await source.metadata(resource)).filterable.get(field)?.values;
  if (!values || values.length === 0) return [...new Set(wanted)];
  return values.filter((v) => wanted.some((w) => w.toLowerCase() === v.toLowerCase()));
}

/** `field:==` conditions for the wanted enum values the console knows; null when none is known (nothing can match). */
export async function enumConditions(
  source: BackupDrSource,
  resource: BdrResource,
  field: string,
  wanted: readonly string[] | null | undefined,
): Promise<FilterCondition[] | null> {
  if (!wanted || wanted.length === 0) return [];
  const known = await knownValues(source, resource, field, wanted);
  return known.length === 0 ? null : eq(field, known);
}

/** Unified statuses → a `status:==` union of the console statuses they stand for; null when none exists there. */
export function statusConditions(
  source: BackupDrSource,
  resource: BdrResource,
  statuses: readonly JobStatus[] | null | undefined,
): Promise<FilterCondition[] | null> {
  if (!statuses || statuses.length === 0) return Promise.resolve([]);
  const values = statuses.flatMap((s) => CONSOLE_STATUSES[s]);
  return values.length === 0 ? Promise.resolve(null) : enumConditions(source, resource, 'status', values);
}

/** The console job list a filter asks for (async: statuses are matched against the console's OPTIONS). */
export async function jobList(
  source: BackupDrSource,
  f: JobFilterInput | null | undefined,
  sort?: Sort,
): Promise<ConsoleList<'activeJob' | 'finishedJob' | 'job'>> {
  const resource = jobResource(f?.category);
  const statuses = await statusConditions(source, resource, f?.status);
  if (statuses === null) return { resource, spec: null };
  const extra = [...statuses, ...eq('jobclass', f?.jobClass ?? [])];
  if (f?.application) extra.push(cond('appid', 'EQ', consoleIdOf(f.application, 'BackupDrApplication', source.instanceId)));
  extra.push(...startWindow(f?.startedAfter, f?.startedBefore));
  return { resource, spec: withConditions(baseSpec(f, sort, JOB_ORDER), extra) };
}

/** `startdate` window: at or after `after`, strictly before `before` (the unified filter's meaning). */
export function startWindow(after: Date | null | undefined, before: Date | null | undefined): FilterCondition[] {
  const out: FilterCondition[] = [];
  if (after) out.push(cond('startdate', 'GE', micros(after)));
  if (before) out.push(cond('startdate', 'LE', String(before.getTime() * 1000 - 1)));
  return out;
}

export function diskPoolList(f: DiskPoolFilterInput | null | undefined, sort?: Sort): ConsoleList<'diskpool'> {
  return { resource: 'diskpool', spec: withConditions(baseSpec(f, sort), eq('pooltype', f?.poolType ?? [])) };
}

export function eventList(f: EventFilterInput | null | undefined, sort?: Sort): ConsoleList<'event'> {
  const extra = f?.since ? [cond('eventdate', 'GE', micros(f.since))] : [];
  return { resource: 'event', spec: withConditions(baseSpec(f, sort, EVENT_ORDER), extra) };
}

export function auditList(f: AuditFilterInput | null | undefined, sort?: Sort): ConsoleList<'audit'> {
  const extra = f?.since ? [cond('issuedate', 'GE', micros(f.since))] : [];
  if (f?.userName) extra.push(cond('username', 'EQ', f.userName));
  return { resource: 'audit', spec: withConditions(baseSpec(f, sort, 'issuedate:desc,id:desc'), extra) };
}

/** Lists with only the shared filter parts. */
export function plainList<R extends BdrResource>(resource: R, f: ListFilterInput | null | undefined, sort?: Sort): ConsoleList<R> {
  return { resource, spec: baseSpec(f, sort) };
}
