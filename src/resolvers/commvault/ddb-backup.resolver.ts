import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { CommvaultSource } from '../../datasources/commvault/commvault-source.js';
import type { CvDdbStore, CvJob, CvSubclient } from '../../datasources/commvault/model.js';
import { notFound } from '../../errors/gateway-error.js';
import { runMutation } from '../../mutations/run-mutation.js';
import { BackupDdbPayload } from '../../schema/commvault/ddb-backup.payload.js';
import { IDEMPOTENCY_KEY } from '../../schema/unified/idempotency-key.js';
import { commvaultObjectFromId } from './sources.js';
import { readStartedJobs } from './started-jobs.js';

/** What a DDB Backup came to, as plain data (kept by the idempotency store). */
interface DdbBackupRecord {
  store: CvDdbStore;
  subclients: CvSubclient[];
  jobs: CvJob[];
}

/**
 * `backupDdb` (docs/schema.md, "DDB Backup and resync"): Commvault has no DDB-specific backup call; a DDB
 * is backed up by a full backup of the DDB Backup subclient Commvault keeps on each MediaAgent hosting a
 * partition (docs/upstreams/commvault-aging.md §2), `POST /Subclient/{id}/action/backup?backupLevel=Full`
 * — what real clients do. Through runMutation like `backupSubclient`: never retried, idempotency key,
 * audit line; each backup drops the cached job lists and DDB reads.
 */
@Resolver()
export class CommvaultDdbBackupResolver {
  @Mutation(() => BackupDdbPayload, {
    description:
      'Back up a deduplication database now: a full backup of the DDB Backup subclient of each MediaAgent holding one of its partitions. ' +
      'NOT_FOUND when the store is unknown or a MediaAgent has no DDB Backup subclient (nothing is started then). Never retried.',
  })
  async backupDdb(
    @Arg('store', () => ID, { description: 'A CommvaultDdbStore id.' }) store: string,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY }) idempotencyKey: string | null | undefined,
    @Ctx() ctx: GatewayContext,
  ): Promise<BackupDdbPayload> {
    const { source, id: storeId } = commvaultObjectFromId(ctx, store, 'CommvaultDdbStore');
    const record = await runMutation(
      ctx,
      {
        operation: 'backupDdb',
        input: { store },
        idempotencyKey,
        targets: [store],
        summarize: (done: DdbBackupRecord) => ({ subclients: done.subclients.map((s) => s.subclientId), jobIds: done.jobs.map((j) => j.jobId) }),
      },
      async (): Promise<DdbBackupRecord> => {
        const { detail, subclients } = await ddbBackupSubclients(source, storeId);
        // One at a time, in MediaAgent order: a refusal stops the rest, and the error says which.
        const jobIds: number[] = [];
        for (const subclient of subclients) jobIds.push(...(await source.startSubclientBackup(subclient.subclientId, 'Full', { invalidates: ['jobs', 'ddb'] })));
        return { store: detail, subclients, jobs: await readStartedJobs(source, jobIds) };
      },
    );
    return Object.assign(new BackupDdbPayload(), record);
  }
}

/**
 * The store (`GET /DDBInformation/{id}`) and the DDB Backup subclient of each MediaAgent of its partitions,
 * found before anything is sent: a MediaAgent is a client of the same name (`GET /Client`), whose
 * subclients (`GET /Subclient?clientId=`) include it. @throws NOT_FOUND
 */
async function ddbBackupSubclients(source: CommvaultSource, storeId: number): Promise<{ detail: CvDdbStore; subclients: CvSubclient[] }> {
  const detail = await source.getDdbStore(storeId);
  if (!detail) throw notFound(`DDB store [${storeId}] not found on ${source.instanceId}`);
  const mediaAgents = [...new Set((detail.partitions ?? []).map((p) => p.mediaAgentName).filter((n): n is string => !!n))].sort();
  if (mediaAgents.length === 0) throw notFound(`DDB store [${storeId}] names no MediaAgent for its partitions on ${source.instanceId}`);
  const clients = await source.listClients();
  const subclients: CvSubclient[] = [];
  for (const name of mediaAgents) {
    const client = clients.find((c) => c.name.toLowerCase() === name.toLowerCase());
    const found = client ? (await source.listDdbBackupSubclients(client.clientId))[0] : undefined;
    if (!found) throw notFound(`MediaAgent ${name} has no DDB Backup subclient on ${source.instanceId}`);
    subclients.push(found);
  }
  return { detail, subclients };
}
