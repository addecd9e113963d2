import { beforeAll, describe, expect, it } from 'vitest';
import 'reflect-metadata';
import type { CommvaultSimulator, StoragePolicy, StoragePolicyCopy } from '../../simulators/commvault/index.js';
import { jobsOnCopy } from '../../simulators/commvault/data/aging.js';
import { toGlobalId } from '../../src/util/global-id.js';
import { useAuditedCommvaultGateway } from '../helpers/audited-commvault-gateway.js';

/**
 * Plans in detail and retention changes end to end: real HTTP to a gateway, real HTTP from it to the
 * Commvault simulator. Expectations come from the simulator's seeded data and state.
 */
const CV = 'cv';
const CV_SLOW = 'cv-slow';
const DAY = 86_400;
const BACKUP_DESTINATIONS = 'GET /V4/ServerPlan/{id}/BackupDestinations';
const V4_PUT = 'PUT /V4/ServerPlan/{id}/BackupDestination/{copyId}';
const V2_PUT = 'PUT /V2/StoragePolicy/{id}/Copy/{copyId}';

let sim: CommvaultSimulator;
const auditLines: Array<Record<string, any>> = [];
// CV_SLOW: the same simulator with a timeout the afterWrite fault outlasts.
const cv = useAuditedCommvaultGateway({ auditLines, upstreamId: CV, slowTwin: { id: CV_SLOW, timeoutMs: 400 } });
beforeAll(() => {
  sim = cv.sim;
});

const gql = cv.gql;

const RETENTION = 'days cycles indefinite dataAgingEnabled extended { rank fulls days indefinite }';
const UPDATE = /* GraphQL */ `
  mutation Update($target: ID!, $input: RetentionInput!, $dryRun: Boolean, $confirmShorten: Boolean) {
    updateRetention(target: $target, input: $input, dryRun: $dryRun, confirmShorten: $confirmShorten) {
      applied shortens before { ${RETENTION} } after { ${RETENTION} } jobsEligibleForAging { jobId }
    }
  }
`;
const AGE = /* GraphQL */ `
  mutation Age($input: RunDataAgingInput!) { runDataAging(input: $input) { jobs { jobId jobType } } }
`;

/** A seeded plan of the CommCell company, its policy and a copy of it. */
function seeded(planName: string, copyName = 'Primary'): { planId: number; policy: StoragePolicy; copy: StoragePolicyCopy; target: string } {
  const plan = sim.data.plans.find((p) => p.planName === planName)!;
  const policy = sim.data.storagePolicies.find((p) => p.storagePolicyId === plan.storagePolicyId)!;
  const copy = policy.copies.find((c) => c.copyName === copyName)!;
  return { planId: plan.planId, policy, copy, target: toGlobalId('CommvaultPlanBackupDestination', CV, `${plan.planId}.${copy.copyId}`) };
}

/**
 * A basic retention in days for which no job of the copy crosses its aging boundary within two minutes of
 * now: the dry run and the aging run happen seconds apart on a real clock, and must see the same jobs.
 */
function safeDays(policy: StoragePolicy, copy: StoragePolicyCopy, from: number): number {
  const now = Date.now() / 1000;
  for (let days = from; days < from + 10; days += 1) {
    if (jobsOnCopy(sim.data, policy, copy).every((j) => Math.abs(now - j.endTime - days * DAY) > 120)) return days;
  }
  throw new Error('no safe retention in the seed');
}

describe('plans in detail', () => {
  it('shows each plan\'s destinations with the retention the simulator holds, its schedules, windows and workloads', async () => {
    const gold = seeded('Server Plan Gold');
    const res = await gql(`{ commvaultPlans(upstream: "${CV}") {
      planId storagePolicy { storagePolicyId } schedulePolicy { id }
      backupDestinations { id copyId name copyPrecedence isDefault storagePool { id name } sourceCopy { id } retention { ${RETENTION} } }
      rpoSchedules { backupType frequencyType frequency startSeconds } protectedEntities { name count }
    } }`);
    expect(res.errors).toBeUndefined();
    const plan = res.data.commvaultPlans.find((p: any) => p.planId === gold.planId);
    expect(plan.storagePolicy).toEqual({ storagePolicyId: gold.policy.storagePolicyId });
    expect(plan.backupDestinations).toEqual(
      gold.policy.copies.map((c) => ({
        id: toGlobalId('CommvaultPlanBackupDestination', CV, `${gold.planId}.${c.copyId}`),
        copyId: c.copyId,
        name: c.copyName,
        copyPrecedence: c.copyPrecedence,
        isDefault: c.copyPrecedence === 1,
        storagePool: { id: c.storagePoolId, name: sim.data.storagePools.find((p) => p.storagePoolId === c.storagePoolId)!.storagePoolName },
        sourceCopy: c.copyPrecedence === 1 ? null : { id: gold.copy.copyId },
        retention: {
          days: c.retentionDays, cycles: null, indefinite: false, dataAgingEnabled: true,
          extended: (c.extendedRetention ?? []).map((r, i) => ({ rank: i + 1, fulls: r.fulls, days: r.days < 0 ? null : r.days, indefinite: r.days < 0 })),
        },
      })),
    );
    const subclients = sim.data.subclients.filter((s) => s.planId === gold.planId);
    expect(plan.protectedEntities).toEqual([
      { name: 'Servers', count: new Set(subclients.map((s) => s.clientId)).size },
      { name: 'Subclients', count: subclients.length },
    ]);
    expect(plan.rpoSchedules.map((s: any) => s.backupType)).toEqual(['INCREMENTAL', 'FULL']);
  });
});

describe('updateRetention', () => {
  it('refuses to shorten without confirmShorten: BAD_USER_INPUT, nothing sent, nothing changed', async () => {
    const { target, copy } = seeded('Server Plan Silver');
    const res = await gql(UPDATE, { target, input: { days: 7 } });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(sim.calls(V4_PUT)).toBe(0);
    expect(copy.retentionDays).toBe(30);
  });

  it('dry run lists exactly the jobs the next data aging run then ages', async () => {
    const { target, policy, copy } = seeded('Server Plan Gold');
    const days = safeDays(policy, copy, 7);
    const dry = await gql(UPDATE, { target, input: { days }, dryRun: true });
    expect(dry.errors).toBeUndefined();
    expect(dry.data.updateRetention).toMatchObject({ applied: false, shortens: true, after: { days, extended: [{ fulls: 'WEEKLY_FULLS', days: 90 }] } });
    expect(sim.calls(V4_PUT)).toBe(0);
    expect(copy.retentionDays).toBe(30);
    const listed = dry.data.updateRetention.jobsEligibleForAging.map((j: { jobId: number }) => j.jobId).sort();
    expect(listed.length).toBeGreaterThan(0);

    const changed = await gql(UPDATE, { target, input: { days }, confirmShorten: true });
    expect(changed.errors).toBeUndefined();
    expect(changed.data.updateRetention).toMatchObject({ applied: true, after: { days } });
    expect(copy.retentionDays).toBe(days);

    const held = new Set(jobsOnCopy(sim.data, policy, copy).map((j) => j.jobId));
    const aging = await gql(AGE, { input: { copies: [{ storagePolicy: toGlobalId('CommvaultStoragePolicy', CV, policy.storagePolicyId), copy: copy.copyName }] } });
    expect(aging.errors).toBeUndefined();
    const left = new Set(jobsOnCopy(sim.data, policy, copy).map((j) => j.jobId));
    const aged = [...held].filter((id) => !left.has(id)).sort();
    expect(aged).toEqual(listed);
  });

  it('drops the cached plan read: the next read shows the new retention; the audit log names the caller', async () => {
    const { target, planId, copy } = seeded('Database Plan');
    const read = `{ commvaultPlans(upstream: "${CV}") { planId backupDestinations { copyId retention { days } } } }`;
    const daysOf = (r: any) => r.data.commvaultPlans.find((p: any) => p.planId === planId).backupDestinations.find((d: any) => d.copyId === copy.copyId).retention.days;
    expect(daysOf(await gql(read))).toBe(30);
    expect(daysOf(await gql(read))).toBe(30);
    const cachedReads = sim.calls(BACKUP_DESTINATIONS);
    const res = await gql(UPDATE, { target, input: { days: 45 } });
    expect(res.errors).toBeUndefined();
    expect(res.data.updateRetention).toMatchObject({ applied: true, shortens: false, before: { days: 30 }, after: { days: 45 } });
    expect(daysOf(await gql(read))).toBe(45);
    expect(sim.calls(BACKUP_DESTINATIONS)).toBeGreaterThan(cachedReads);
    const line = auditLines.find((l) => l.component === 'audit' && l.operation === 'updateRetention');
    expect(line).toMatchObject({ caller: 'admin', role: 'admin', outcome: 'ok', targets: [target], shortens: false });
  });

  it('changes a legacy storage policy copy through the V2 copy PUT; the copy read shows it', async () => {
    const { policy } = seeded('Server Plan Bronze');
    const copy = policy.copies[0]!;
    const target = toGlobalId('CommvaultStoragePolicyCopy', CV, `${policy.storagePolicyId}.${copy.copyId}`);
    const res = await gql(UPDATE, { target, input: { cycles: 3, extended: [{ fulls: 'MONTHLY_FULLS', days: 365 }] } });
    expect(res.errors).toBeUndefined();
    expect(sim.calls(V2_PUT)).toBe(1);
    expect(copy).toMatchObject({ retentionCycles: 3, extendedRetention: [{ fulls: 'MONTHLY_FULLS', days: 365 }] });
    const node = await gql(`{ node(id: "${toGlobalId('CommvaultStoragePolicy', CV, policy.storagePolicyId)}") { ... on CommvaultStoragePolicy { copies { id retention { ${RETENTION} } } } } }`);
    expect(node.errors).toBeUndefined();
    expect(node.data.node.copies).toEqual([
      { id: target, retention: { days: 30, cycles: 3, indefinite: false, dataAgingEnabled: true, extended: [{ rank: 1, fulls: 'MONTHLY_FULLS', days: 365, indefinite: false }] } },
    ]);
  });

  it('a lost answer is UPSTREAM_UNCERTAIN after exactly one PUT, and the cached plan read is dropped all the same', async () => {
    const { planId, copy } = seeded('Acme Server Plan');
    const target = toGlobalId('CommvaultPlanBackupDestination', CV_SLOW, `${planId}.${copy.copyId}`);
    const read = `{ commvaultPlans(upstream: "${CV_SLOW}") { planId backupDestinations { copyId retention { days } } } }`;
    const daysOf = (r: any) => r.data.commvaultPlans.find((p: any) => p.planId === planId).backupDestinations.find((d: any) => d.copyId === copy.copyId).retention.days;
    expect(daysOf(await gql(read))).toBe(30);
    sim.setFaults({ afterWrite: { count: 1, delayMs: 1_000 } });
    const res = await gql(UPDATE, { target, input: { days: 50 } });
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_UNCERTAIN']);
    expect(sim.calls(V4_PUT)).toBe(1);
    expect(copy.retentionDays).toBe(50);
    await new Promise((r) => setTimeout(r, 800));
    expect(daysOf(await gql(read))).toBe(50);
    expect(sim.calls(V4_PUT)).toBe(1);
  });
});
