import { beforeAll, describe, expect, it } from 'vitest';
import 'reflect-metadata';
import type { CommvaultSimulator, StoragePolicy, StoragePolicyCopy } from '../../simulators/commvault/index.js';
import { jobsOnCopy } from '../../simulators/commvault/data/aging.js';
import { toGlobalId } from '../../src/util/global-id.js';
import { useAuditedCommvaultGateway } from '../helpers/audited-commvault-gateway.js';

/**
 * Aging summaries of plan destinations and storage policy copies, and DDB Backup with the store's resync
 * state, end to end: real HTTP to a gateway, real HTTP from it to the Commvault simulator. Expectations
 * come from the simulator's seeded data and what its data aging run then does.
 */
const CV = 'cv';
const DAY = 86_400;

let sim: CommvaultSimulator;
const auditLines: Array<Record<string, any>> = [];
const cv = useAuditedCommvaultGateway({
  auditLines,
  upstreamId: CV,
  // Started jobs finish within a second, so a DDB Backup's effect on its partitions is seen.
  simulator: { jobDurationMs: [300, 600] },
});
beforeAll(() => {
  sim = cv.sim;
});

const gql = cv.gql;

const SUMMARY = 'agingSummary { computedAt heldJobCount eligibleApplicationBytes eligibleDataWrittenBytes eligibleJobs { jobId } rule { days cycles } }';
const UPDATE = /* GraphQL */ `
  mutation Update($target: ID!, $input: RetentionInput!) {
    updateRetention(target: $target, input: $input, confirmShorten: true) { applied }
  }
`;
const AGE = /* GraphQL */ `
  mutation Age($input: RunDataAgingInput!) { runDataAging(input: $input) { jobs { jobId } } }
`;

function seeded(planName: string, copyName = 'Primary'): { planId: number; policy: StoragePolicy; copy: StoragePolicyCopy } {
  const plan = sim.data.plans.find((p) => p.planName === planName)!;
  const policy = sim.data.storagePolicies.find((p) => p.storagePolicyId === plan.storagePolicyId)!;
  return { planId: plan.planId, policy, copy: policy.copies.find((c) => c.copyName === copyName)! };
}

/** A basic retention in days for which no job of the copy crosses its aging boundary within two minutes of now. */
function safeDays(policy: StoragePolicy, copy: StoragePolicyCopy, from: number): number {
  const now = Date.now() / 1000;
  for (let days = from; days < from + 10; days += 1) {
    if (jobsOnCopy(sim.data, policy, copy).every((j) => Math.abs(now - j.endTime - days * DAY) > 120)) return days;
  }
  throw new Error('no safe retention in the seed');
}

/** Runs the simulator's data aging on one copy through the graph; the ids it aged, from the simulator's state. */
async function ageAndSee(policy: StoragePolicy, copy: StoragePolicyCopy): Promise<number[]> {
  const held = jobsOnCopy(sim.data, policy, copy).map((j) => j.jobId);
  const res = await gql(AGE, { input: { copies: [{ storagePolicy: toGlobalId('CommvaultStoragePolicy', CV, policy.storagePolicyId), copy: copy.copyName }] } });
  expect(res.errors).toBeUndefined();
  const left = new Set(jobsOnCopy(sim.data, policy, copy).map((j) => j.jobId));
  return held.filter((id) => !left.has(id)).sort((a, b) => a - b);
}

function bytesOf(ids: readonly number[], pick: (j: (typeof sim.data.jobs)[number]) => number): number {
  const wanted = new Set(ids);
  return sim.data.jobs.filter((j) => wanted.has(j.jobId)).reduce((sum, j) => sum + pick(j), 0);
}

describe('agingSummary', () => {
  it('of a plan destination lists exactly the jobs the next data aging run ages, with the space they hold', async () => {
    const { planId, policy, copy } = seeded('Server Plan Gold');
    const target = toGlobalId('CommvaultPlanBackupDestination', CV, `${planId}.${copy.copyId}`);
    const days = safeDays(policy, copy, 6);
    expect((await gql(UPDATE, { target, input: { days } })).errors).toBeUndefined();
    const held = jobsOnCopy(sim.data, policy, copy).length;

    const read = `{ node(id: "${toGlobalId('CommvaultPlan', CV, planId)}") { ... on CommvaultPlan { backupDestinations { copyId ${SUMMARY} } } } }`;
    const res = await gql(read);
    expect(res.errors).toBeUndefined();
    const summary = res.data.node.backupDestinations.find((d: any) => d.copyId === copy.copyId).agingSummary;
    const listed = summary.eligibleJobs.map((j: { jobId: number }) => j.jobId).sort((a: number, b: number) => a - b);
    expect(listed.length).toBeGreaterThan(0);
    expect(summary.heldJobCount).toBe(held);
    // The plan's V4 rule with the cycles of its V2 copy.
    expect(summary.rule).toEqual({ days, cycles: copy.retentionCycles ?? 1 });

    const aged = await ageAndSee(policy, copy);
    expect(listed).toEqual(aged);
    expect(summary.eligibleDataWrittenBytes).toBe(bytesOf(aged, (j) => j.sizeOfMediaOnDisk));
    expect(summary.eligibleApplicationBytes).toBe(bytesOf(aged, (j) => j.sizeOfApplication));

    // The aging run dropped the cached job list: nothing is left to age, and fewer jobs are held.
    const again = (await gql(read)).data.node.backupDestinations.find((d: any) => d.copyId === copy.copyId).agingSummary;
    expect(again.eligibleJobs).toEqual([]);
    expect(again.heldJobCount).toBe(held - aged.length);
  });

  it('of a legacy storage policy copy weighs its cycles: exactly the jobs the aging run then ages', async () => {
    const { policy, copy } = seeded('Server Plan Bronze');
    const target = toGlobalId('CommvaultStoragePolicyCopy', CV, `${policy.storagePolicyId}.${copy.copyId}`);
    const days = safeDays(policy, copy, 5);
    expect((await gql(UPDATE, { target, input: { days, cycles: 2 } })).errors).toBeUndefined();
    const node = await gql(`{ node(id: "${toGlobalId('CommvaultStoragePolicy', CV, policy.storagePolicyId)}") { ... on CommvaultStoragePolicy { copies { copyId ${SUMMARY} } } } }`);
    expect(node.errors).toBeUndefined();
    const summary = node.data.node.copies.find((c: any) => c.copyId === copy.copyId).agingSummary;
    expect(summary.rule).toEqual({ days, cycles: 2 });
    const listed = summary.eligibleJobs.map((j: { jobId: number }) => j.jobId).sort((a: number, b: number) => a - b);
    expect(listed.length).toBeGreaterThan(0);
    const aged = await ageAndSee(policy, copy);
    expect(listed).toEqual(aged);
    expect(summary.eligibleDataWrittenBytes).toBe(bytesOf(aged, (j) => j.sizeOfMediaOnDisk));
  });
});

describe('backupDdb', () => {
  const BACKUP_DDB = /* GraphQL */ `
    mutation BackupDdb($store: ID!, $idempotencyKey: String) {
      backupDdb(store: $store, idempotencyKey: $idempotencyKey) {
        store { storeId } subclients { subclientId name clientName } jobs { jobId status subclient { subclientId } }
      }
    }
  `;

  it('backs up the DDB Backup subclient of each MediaAgent of the store, once per key; the partitions then show the new last DDB backup', async () => {
    // A store with partitions on two MediaAgents.
    const store = sim.data.ddbStores.find((s) => new Set(s.partitions.map((p) => p.mediaAgentId)).size > 1)!;
    const mediaAgents = [...new Set(store.partitions.map((p) => p.mediaAgentId))];
    const expected = mediaAgents
      .map((ma) => sim.data.subclients.find((s) => s.clientId === ma && s.ddbBackup)!)
      .sort((a, b) => sim.data.clients.find((c) => c.clientId === a.clientId)!.clientName.localeCompare(sim.data.clients.find((c) => c.clientId === b.clientId)!.clientName));
    const storeId = toGlobalId('CommvaultDdbStore', CV, store.storeId);
    const before = sim.data.jobs.length;

    const res = await gql(BACKUP_DDB, { store: storeId, idempotencyKey: 'ddb-backup-1' });
    expect(res.errors).toBeUndefined();
    const payload = res.data.backupDdb;
    expect(payload.store).toEqual({ storeId: store.storeId });
    expect(payload.subclients).toEqual(expected.map((s) => ({ subclientId: s.subclientId, name: 'DDBBackup', clientName: sim.data.clients.find((c) => c.clientId === s.clientId)!.clientName })));
    // The simulator's new jobs: full backups of exactly those subclients, in that order.
    const started = sim.data.jobs.slice(before);
    expect(started.map((j) => ({ subclientId: j.subclientId, jobType: j.jobType, level: j.backupLevel }))).toEqual(
      expected.map((s) => ({ subclientId: s.subclientId, jobType: 'Backup', level: 'Full' })),
    );
    expect(payload.jobs.map((j: any) => j.jobId)).toEqual(started.map((j) => j.jobId));
    expect(sim.calls('POST /Subclient/{id}/action/backup')).toBe(expected.length);

    // The same key: the first outcome, nothing sent again.
    const again = await gql(BACKUP_DDB, { store: storeId, idempotencyKey: 'ddb-backup-1' });
    expect(again.data.backupDdb.jobs.map((j: any) => j.jobId)).toEqual(started.map((j) => j.jobId));
    expect(sim.calls('POST /Subclient/{id}/action/backup')).toBe(expected.length);
    expect(auditLines.filter((l) => l.component === 'audit' && l.operation === 'backupDdb')[0]).toMatchObject({ caller: 'admin', outcome: 'ok', targets: [storeId] });

    // Once the jobs finish, each partition's last DDB backup is their end (the DDB reads were dropped).
    await waitFor(() => started.every((j) => j.status === 'Completed'));
    const read = await gql(`{ node(id: "${storeId}") { ... on CommvaultDdbStore { partitions { subStoreId lastBackupAt } } } }`);
    expect(read.errors).toBeUndefined();
    const endOf = new Map(started.map((j) => [j.clientId, j.endTime]));
    expect(read.data.node.partitions).toEqual(
      store.partitions.map((p) => ({ subStoreId: p.subStoreId, lastBackupAt: new Date(endOf.get(p.mediaAgentId)! * 1000).toISOString() })),
    );
  });

  it('is NOT_FOUND for a store the CommServe does not know, with nothing sent', async () => {
    const res = await gql(BACKUP_DDB, { store: toGlobalId('CommvaultDdbStore', CV, 999) });
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    expect(sim.calls('POST /Subclient/{id}/action/backup')).toBe(0);
  });
});

describe('CommvaultDdbStore.resync', () => {
  it('shows from the store flags which stores need a resync, for listed stores and stores read by id', async () => {
    const res = await gql(`{ commvaultDdbStores(upstream: "${CV}") { storeId resync { needed inProgress underMaintenance storeFlags } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.commvaultDdbStores).toEqual(
      sim.data.ddbStores.map((s) => ({
        storeId: s.storeId,
        resync: { needed: (s.storeFlags & 33_554_432) !== 0, inProgress: (s.storeFlags & 1_073_741_824) !== 0, underMaintenance: (s.storeFlags & 16_777_216) !== 0, storeFlags: s.storeFlags },
      })),
    );
    // The seed leaves one store marked, and it is in maintenance.
    const marked = sim.data.ddbStores.filter((s) => (s.storeFlags & 33_554_432) !== 0);
    expect(marked).toHaveLength(1);
    const byId = await gql(`{ node(id: "${toGlobalId('CommvaultDdbStore', CV, marked[0]!.storeId)}") { ... on CommvaultDdbStore { resync { needed underMaintenance } } } }`);
    expect(byId.errors).toBeUndefined();
    expect(byId.data.node.resync).toEqual({ needed: true, underMaintenance: true });
  });
});

async function waitFor(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    // Each request the simulator handles advances its jobs (a login needs no token).
    await fetch(`${sim.url}/Login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 100));
  }
}
