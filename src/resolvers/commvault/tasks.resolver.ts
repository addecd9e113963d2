import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { CommvaultSource } from '../../datasources/commvault/commvault-source.js';
import type { CvJob, CvSubclient } from '../../datasources/commvault/model.js';
import {
  auxCopyTaskRequest,
  dataAgingTaskRequest,
  restoreTaskRequest,
  type PolicyCopy,
  type SubclientAssociation,
} from '../../datasources/commvault/task-requests.js';
import { ErrorCode } from '../../errors/codes.js';
import { badUserInput, GatewayError, notFound } from '../../errors/gateway-error.js';
import { runMutation, type MutationCall } from '../../mutations/run-mutation.js';
import { RestoreFilesInput, RunAuxCopyInput, RunDataAgingInput } from '../../schema/commvault/tasks.input.js';
import { RestoreFilesPayload, RunAuxCopyPayload, RunDataAgingPayload } from '../../schema/commvault/tasks.payload.js';
import { PolicyCopies } from './policy-copies.js';
import { commvaultObjectFromId, commvaultSource } from './sources.js';
import { readStartedJobs } from './started-jobs.js';

/** Most paths one restore may name. */
export const MAX_RESTORE_PATHS = 1000;
/** Most copies one data aging run may name. */
export const MAX_AGING_COPIES = 100;

/**
 * Commvault mutations that start jobs through `POST /CreateTask` (docs/operations.md): a restore, an
 * auxiliary copy, data aging. Each checks the objects it names against the CommServe's (cached) reads
 * first — the task names them by name, and an unknown one is NOT_FOUND with nothing sent — then goes
 * through runMutation and reads the started jobs back.
 */
@Resolver()
export class CommvaultTasksResolver {
  @Mutation(() => RestoreFilesPayload, {
    description:
      'Restore files and folders of one subclient, in place or to another client, optionally as of a point in time (`POST /CreateTask`). Never retried: a lost answer is UPSTREAM_UNCERTAIN.',
  })
  async restoreFiles(@Arg('input', () => RestoreFilesInput) input: RestoreFilesInput, @Ctx() ctx: GatewayContext): Promise<RestoreFilesPayload> {
    const { source, id: subclientId } = commvaultObjectFromId(ctx, input.subclient, 'CommvaultSubclient');
    const paths = checkedPaths(input.paths);
    const destination = outOfPlaceTarget(ctx, input, source);
    const association = toAssociation(await source.getSubclient(subclientId), subclientId, source);
    const outOfPlace = destination && { clientName: await clientName(destination.source, destination.clientId), path: destination.path };
    const overwrite = input.overwrite ?? false;
    const jobs = await runTask(ctx, source, 'Restore', {
      operation: 'restoreFiles',
      // Defaults filled in: an unset variable may arrive as null or as the default, meaning the same.
      input: { ...input, inPlace: !outOfPlace, overwrite, acls: input.acls ?? null },
      idempotencyKey: input.idempotencyKey,
      targets: input.destinationClient ? [input.subclient, input.destinationClient] : [input.subclient],
      audit: { paths: paths.length, inPlace: !outOfPlace, ...(input.acls ? { acls: input.acls } : {}) },
      request: () => restoreTaskRequest({ source: association, paths, pointInTime: input.pointInTime, outOfPlace, overwrite, acls: input.acls }),
    });
    return Object.assign(new RestoreFilesPayload(), { jobs });
  }

  @Mutation(() => RunAuxCopyPayload, {
    description: 'Copy a storage policy\'s backups to one secondary copy, or to all of them, now (`POST /CreateTask`). Never retried.',
  })
  async runAuxCopy(@Arg('input', () => RunAuxCopyInput) input: RunAuxCopyInput, @Ctx() ctx: GatewayContext): Promise<RunAuxCopyPayload> {
    const { source, id: storagePolicyId } = commvaultObjectFromId(ctx, input.storagePolicy, 'CommvaultStoragePolicy');
    const copyName = input.copy === null || input.copy === undefined ? null : nonEmpty(input.copy, 'copy');
    const policies = new PolicyCopies(source);
    const target = copyName === null ? { storagePolicyName: await policies.policyName(storagePolicyId), copyName: null } : await policies.copy(storagePolicyId, copyName);
    const jobs = await runTask(ctx, source, 'Aux Copy', {
      operation: 'runAuxCopy',
      input,
      idempotencyKey: input.idempotencyKey,
      targets: [input.storagePolicy],
      audit: { copy: target.copyName ?? 'all' },
      request: () => auxCopyTaskRequest(target),
    });
    return Object.assign(new RunAuxCopyPayload(), { jobs });
  }

  @Mutation(() => RunDataAgingPayload, {
    description: 'Run data aging now on one CommServe: every copy of every storage policy, or the copies named (`POST /CreateTask`). Never retried.',
  })
  async runDataAging(@Arg('input', () => RunDataAgingInput) input: RunDataAgingInput, @Ctx() ctx: GatewayContext): Promise<RunDataAgingPayload> {
    const { source, copies } = await agingTargets(ctx, input);
    const jobs = await runTask(ctx, source, 'Data Aging', {
      operation: 'runDataAging',
      input,
      idempotencyKey: input.idempotencyKey,
      targets: [...new Set((input.copies ?? []).map((c) => c.storagePolicy))],
      audit: { copies: copies.length === 0 ? 'all' : copies.length },
      request: () => dataAgingTaskRequest({ copies }),
    });
    return Object.assign(new RunDataAgingPayload(), { jobs });
  }
}

/** One task mutation as its resolver describes it, once what it names has been checked. */
interface TaskCall extends Omit<MutationCall<CvJob[]>, 'summarize'> {
  /** What the audit line tells of the task, beside the upstream and the started job ids. */
  audit: Record<string, unknown>;
  /** The `POST /CreateTask` body. */
  request(): unknown;
}

/** runMutation around the one write of a task and the read-back of the jobs it started (of `jobType`). */
function runTask(ctx: GatewayContext, source: CommvaultSource, jobType: string, call: TaskCall): Promise<CvJob[]> {
  const { audit, request, ...mutation } = call;
  return runMutation(
    ctx,
    { ...mutation, summarize: (started) => ({ upstream: source.instanceId, jobIds: started.map((j) => j.jobId), ...audit }) },
    async () => readStartedJobs(source, await source.createTask(request()), jobType),
  );
}

function nonEmpty(value: string, name: string): string {
  if (value.trim() === '') throw badUserInput(`${name} must not be empty`);
  return value;
}

function checkedPaths(paths: readonly string[]): string[] {
  if (paths.length === 0 || paths.length > MAX_RESTORE_PATHS) throw badUserInput(`paths must name 1 to ${MAX_RESTORE_PATHS} paths`);
  if (paths.some((p) => p.trim() === '')) throw badUserInput('paths must not hold an empty path');
  return [...paths];
}

/** The out-of-place destination, or null in place; the two forms do not mix. */
function outOfPlaceTarget(
  ctx: GatewayContext,
  input: RestoreFilesInput,
  source: CommvaultSource,
): { source: CommvaultSource; clientId: number; path: string } | null {
  const given = input.destinationClient !== null && input.destinationClient !== undefined;
  const path = input.destinationPath;
  if (input.inPlace !== false) {
    if (given || (path !== null && path !== undefined)) throw badUserInput('destinationClient and destinationPath are for an out-of-place restore: set inPlace: false');
    return null;
  }
  if (!given || path === null || path === undefined) throw badUserInput('An out-of-place restore (inPlace: false) needs destinationClient and destinationPath');
  const destination = commvaultObjectFromId(ctx, input.destinationClient as string, 'CommvaultClient');
  if (destination.source.instanceId !== source.instanceId) throw badUserInput('destinationClient must be on the same CommServe as the subclient');
  return { source: destination.source, clientId: destination.id, path: nonEmpty(path, 'destinationPath') };
}

/** The names `POST /CreateTask` associates a restore with, from the subclient as the CommServe reads it. */
function toAssociation(sc: CvSubclient | null, subclientId: number, source: CommvaultSource): SubclientAssociation {
  if (!sc) throw notFound(`Subclient ${subclientId} not found on ${source.instanceId}`);
  const { clientName, appName, backupsetName } = sc;
  if (!clientName || !appName || !backupsetName) {
    // The task names the subclient by these; guessing them could restore another subclient's data.
    throw new GatewayError(ErrorCode.UPSTREAM_ERROR, `The CommServe did not name the client, agent and backup set of subclient ${subclientId}`);
  }
  return { clientName, appName, instanceName: sc.agentInstanceName, backupsetName, subclientName: sc.name };
}

async function clientName(source: CommvaultSource, clientId: number): Promise<string> {
  const client = await source.getClient(clientId);
  if (!client) throw notFound(`Client ${clientId} not found on ${source.instanceId}`);
  return client.name;
}

/** The CommServe a data aging run goes to and the copies it names (none: all), checked. */
async function agingTargets(ctx: GatewayContext, input: RunDataAgingInput): Promise<{ source: CommvaultSource; copies: PolicyCopy[] }> {
  const given = input.copies;
  if (given === null || given === undefined) {
    if (!input.upstream) throw badUserInput('Name the CommServe (upstream) when copies is omitted');
    return { source: commvaultSource(ctx, input.upstream), copies: [] };
  }
  if (given.length === 0 || given.length > MAX_AGING_COPIES) throw badUserInput(`copies must name 1 to ${MAX_AGING_COPIES} copies, or be omitted for all`);
  const named = given.map((c) => ({ ...commvaultObjectFromId(ctx, c.storagePolicy, 'CommvaultStoragePolicy'), copy: nonEmpty(c.copy, 'copy') }));
  const instances = new Set(named.map((n) => n.source.instanceId));
  if (input.upstream) instances.add(input.upstream);
  if (instances.size > 1) throw badUserInput('copies must all be on one CommServe (upstream)');
  const keys = new Set(named.map((n) => `${n.id}\u0000${n.copy.toLowerCase()}`));
  if (keys.size !== named.length) throw badUserInput('copies names a copy more than once');
  const source = (named[0] as (typeof named)[number]).source;
  const policies = new PolicyCopies(source);
  return { source, copies: await Promise.all(named.map((n) => policies.copy(n.id, n.copy))) };
}
