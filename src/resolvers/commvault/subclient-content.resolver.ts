import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { CommvaultSource } from '../../datasources/commvault/commvault-source.js';
import type { CvJob, CvSubclient } from '../../datasources/commvault/model.js';
import {
  contentChangeConflict, contentChangeProblem, subclientContentBody, type CvContentChange,
} from '../../datasources/commvault/subclient-content.js';
import { badUserInput, isGatewayError, notFound } from '../../errors/gateway-error.js';
import { runMutation } from '../../mutations/run-mutation.js';
import { BackupBackupsetInput, SubclientContentInput } from '../../schema/commvault/subclient-content.input.js';
import { BackupBackupsetPayload, BackupsetSubclientBackup, UpdateSubclientContentPayload } from '../../schema/commvault/subclient-content.payload.js';
import { IDEMPOTENCY_KEY } from '../../schema/unified/idempotency-key.js';
import { fromGlobalId } from '../../util/global-id.js';
import { WIRE_LEVEL } from './operations.resolver.js';
import { commvaultObjectFromId, commvaultSource } from './sources.js';
import { readStartedJobs } from './started-jobs.js';

/**
 * Subclient configuration changes and the backup of a whole backup set (docs/schema.md, "Subclients in
 * detail"). Both go through runMutation (role, idempotency key, audit line) and the source's write path
 * (never retried; a lost answer is UPSTREAM_UNCERTAIN; cached reads dropped by tag).
 */
@Resolver()
export class CommvaultSubclientContentResolver {
  @Mutation(() => UpdateSubclientContentPayload, {
    description:
      'Change a subclient\'s content paths, filters and exceptions (`POST /Subclient/{id}` with operation type 1 overwrite, 2 add, 3 delete). Inputs are checked before anything is sent; the subclient is then read (past the cache) and read back after the change. Never retried.',
  })
  async updateSubclientContent(
    @Arg('subclient', () => ID, { description: 'A CommvaultSubclient global id.' }) subclient: string,
    @Arg('input', () => SubclientContentInput) input: SubclientContentInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY }) idempotencyKey: string | null | undefined,
    @Ctx() ctx: GatewayContext,
  ): Promise<UpdateSubclientContentPayload> {
    const { source, id: subclientId } = commvaultObjectFromId(ctx, subclient, 'CommvaultSubclient');
    const change: CvContentChange = {
      operation: input.operation,
      content: input.content ?? null,
      filters: input.filters ?? null,
      exceptions: input.exceptions ?? null,
    };
    const problem = contentChangeProblem(change);
    if (problem) throw badUserInput(problem);
    return runMutation(
      ctx,
      {
        operation: 'updateSubclientContent',
        input: { subclient, ...change },
        idempotencyKey,
        targets: [subclient],
        summarize: (done: UpdateSubclientContentPayload) => ({
          upstream: source.instanceId,
          contentOperation: change.operation,
          contentPaths: done.contentPaths.length,
          filters: done.filters.length,
          exceptions: done.exceptions.length,
        }),
      },
      async () => {
        // The body depends on what the subclient holds now (an OVERWRITE re-sends the lists not given).
        const before = await source.getSubclient(subclientId, { fresh: true });
        if (!before) throw notFound(`Subclient ${subclientId} not found on ${source.instanceId}`);
        const conflict = contentChangeConflict(before, change);
        if (conflict) throw badUserInput(conflict);
        await source.updateSubclient(subclientId, subclientContentBody(before, change));
        const after = (await readBack(source, subclientId)) ?? before;
        return Object.assign(new UpdateSubclientContentPayload(), {
          subclient: after,
          operation: input.operation,
          contentPaths: after.detail?.contentPaths ?? [],
          filters: after.detail?.filters ?? [],
          exceptions: after.detail?.exceptions ?? [],
        });
      },
    );
  }

  @Mutation(() => BackupBackupsetPayload, {
    description:
      'Back up every subclient of a backup set now: one `POST /Subclient/{id}/action/backup` per subclient, as Commvault\'s own clients do (there is no backup set backup call). A subclient whose backup did not start is reported with its error; the others go on. Never retried.',
  })
  async backupBackupset(@Arg('input', () => BackupBackupsetInput) input: BackupBackupsetInput, @Ctx() ctx: GatewayContext): Promise<BackupBackupsetPayload> {
    const { source, clientId, backupsetId } = backupsetFromId(ctx, input.backupset);
    const level = WIRE_LEVEL[input.level];
    return runMutation(
      ctx,
      {
        operation: 'backupBackupset',
        input,
        idempotencyKey: input.idempotencyKey,
        targets: [input.backupset],
        summarize: (done: BackupBackupsetPayload) => ({
          upstream: source.instanceId,
          backupLevel: input.level,
          jobIds: done.jobIds,
          failed: done.subclients.filter((s) => s.error).map((s) => ({ subclientId: s.subclient.subclientId, code: s.error?.code })),
        }),
      },
      async () => {
        // Inside the mutation: what the backup set holds is read once per run, and a replay answers the first run.
        const subclients = (await source.listSubclients(clientId)).filter((s) => s.backupsetId === backupsetId);
        if (subclients.length === 0) throw notFound(`Backup set ${backupsetId} of client ${clientId} has no subclient on ${source.instanceId}`);
        const results = await Promise.all(subclients.map((s) => backUp(source, s, level)));
        return Object.assign(new BackupBackupsetPayload(), {
          backupset: input.backupset,
          subclients: results,
          jobIds: results.flatMap((r) => r.jobs.map((j) => j.jobId)),
          complete: results.every((r) => r.error === null),
        });
      },
    );
  }
}

/** One subclient's backup: its started jobs, or its error (every code, UPSTREAM_UNCERTAIN included). */
async function backUp(source: CommvaultSource, subclient: CvSubclient, level: (typeof WIRE_LEVEL)[keyof typeof WIRE_LEVEL]): Promise<BackupsetSubclientBackup> {
  const result = Object.assign(new BackupsetSubclientBackup(), { subclient, jobs: [] as CvJob[], error: null as { code: string; message: string } | null });
  try {
    result.jobs = await readStartedJobs(source, await source.startSubclientBackup(subclient.subclientId, level));
  } catch (error) {
    if (!isGatewayError(error)) throw error;
    result.error = { code: error.code, message: error.message };
  }
  return result;
}

/** The subclient as it is after the write; null when that read fails (the write itself succeeded). */
async function readBack(source: CommvaultSource, subclientId: number): Promise<CvSubclient | null> {
  try {
    return await source.getSubclient(subclientId, { fresh: true });
  } catch {
    return null;
  }
}

/** `CommvaultBackupset.id`: `<clientId>.<backupsetId>` on its CommServe. @throws BAD_USER_INPUT */
function backupsetFromId(ctx: GatewayContext, globalId: string): { source: CommvaultSource; clientId: number; backupsetId: number } {
  const parts = fromGlobalId(globalId);
  const ids = /^(\d{1,15})\.(\d{1,15})$/.exec(parts.localId);
  if (parts.typeName !== 'CommvaultBackupset' || !ids) throw badUserInput(`"${globalId.slice(0, 80)}" is not a CommvaultBackupset id`);
  return { source: commvaultSource(ctx, parts.instanceId), clientId: Number(ids[1]), backupsetId: Number(ids[2]) };
}
