import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import 'reflect-metadata';
import { useCommvaultFixture } from '../helpers/commvault-fixture-gateway.js';
import { toGlobalId } from '../../src/util/global-id.js';

/**
 * Plans in detail and retention against a CommServe scripted from the reference's own examples
 * (test/fixtures/commvault, copied from docs/upstreams/commvault.md §12), not the project's simulator:
 * every documented field maps, and each retention change sends the body the real API expects.
 */
const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/commvault/${name}.json`, import.meta.url), 'utf8'));

const CV = 'cvf';
const ADMIN = 'k-admin';
const PLAN_DESTINATION = toGlobalId('CommvaultPlanBackupDestination', CV, '5.21');
const POLICY_COPY = toGlobalId('CommvaultStoragePolicyCopy', CV, '9.21');
const V4_PUT = 'PUT /V4/ServerPlan/5/BackupDestination/21';
const V2_PUT = 'PUT /V2/StoragePolicy/9/Copy/21';


function script(): void {
  fx.fake.on('POST /Login', { json: { userName: 'admin', token: 'QSDK fixture-token', errList: [] } });
  fx.fake.on('GET /V2/Plan', { json: fixture('v2-plans') });
  fx.fake.on('GET /V2/Plan/5', { json: fixture('v2-plan') });
  fx.fake.on('GET /V4/ServerPlan/5', { json: fixture('v4-server-plan') });
  fx.fake.on('GET /V4/ServerPlan/5/BackupDestinations', { json: fixture('v4-backup-destinations') });
  fx.fake.on('GET /StoragePolicy', { json: fixture('storage-policies') });
  fx.fake.on('GET /StoragePolicy/9', { json: fixture('storage-policy') });
  fx.fake.on('GET /V2/StoragePolicy/9/Copy/21', { json: fixture('v2-storage-policy-copy') });
  fx.fake.on('GET /V4/Plan/BackupDestination/21/Jobs', { json: fixture('v4-plan-copy-jobs') });
  fx.fake.on(V4_PUT, { json: fixture('v4-destination-put-response') });
  fx.fake.on(V2_PUT, { json: fixture('v2-copy-put-response') });
}

const fx = useCommvaultFixture({ upstreamId: CV, adminKey: ADMIN, script });
const gql = fx.gql;
const putBody = (route: string): unknown => JSON.parse(fx.fake.calls(route)[0]?.body ?? 'null');

const RETENTION = 'days cycles indefinite jobBased jobs dataAgingEnabled extended { rank fulls days indefinite graceDays } snapRecoveryPoints overridesPool';
const UPDATE = /* GraphQL */ `
  mutation Update($target: ID!, $input: RetentionInput!, $dryRun: Boolean, $confirmShorten: Boolean) {
    updateRetention(target: $target, input: $input, dryRun: $dryRun, confirmShorten: $confirmShorten) {
      target applied shortens before { ${RETENTION} } after { ${RETENTION} } jobsEligibleForAging { jobId }
    }
  }
`;

describe('plans in detail, from the reference\'s examples', () => {
  it('maps every documented field of the backup destinations (lower-case backupdestinations), windows, schedules, SLA and workloads', async () => {
    const res = await gql(`{ commvaultPlans(upstream: "${CV}") {
      planId name status slaMinutes supportedWorkloads storagePolicy { storagePolicyId name } schedulePolicy { id name }
      backupDestinations {
        id planId copyId name storagePool { id name } storagePoolType storagePoolRetentionDays worm storageType isDefault isSnapCopy isMirrorCopy
        copyType copyTypeName copyPrecedence sourceCopy { id name } region { id name } backupsToCopy fullBackupTypesToCopy retention { ${RETENTION} }
      }
      backupWindows { daysOfWeek startSeconds endSeconds } fullBackupWindows { daysOfWeek startSeconds endSeconds }
      rpoSchedules {
        scheduleId name policyId backupType forDatabasesOnly frequencyType frequency weeklyDays dayOfMonth weekOfMonth dayOfWeek monthOfYear
        startSeconds repeatIntervalMinutes maxBackupIntervalMinutes timeZone exceptDaysOfMonth exceptWeekdaysOfMonth { week day }
      }
      sla { periodMinutes useSystemDefault inheritedFrom excludedFromSla } protectedEntities { id name count }
    } }`);
    expect(res.body.errors).toBeUndefined();
    const [plan] = res.body.data.commvaultPlans;
    expect(plan).toMatchObject({
      planId: 5, name: 'Server Plan', status: 'ENABLED', slaMinutes: 1440, supportedWorkloads: ['File System', 'Virtualization'],
      storagePolicy: { storagePolicyId: 9, name: 'Server Plan' }, schedulePolicy: { id: 45, name: 'Server Plan backup schedule' },
      backupWindows: [{ daysOfWeek: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'], startSeconds: 72000, endSeconds: 21600 }],
      fullBackupWindows: [{ daysOfWeek: ['SATURDAY'], startSeconds: 0, endSeconds: 86340 }],
      sla: { periodMinutes: 720, useSystemDefault: false, inheritedFrom: 'COMMCELL', excludedFromSla: false },
      protectedEntities: [{ id: 1, name: 'Servers', count: 3 }, { id: 2, name: 'Server groups', count: 1 }],
    });
    expect(plan.rpoSchedules).toEqual([
      {
        scheduleId: 101, name: 'Incremental backup schedule', policyId: 45, backupType: 'INCREMENTAL', forDatabasesOnly: false, frequencyType: 'DAILY', frequency: 1,
        weeklyDays: [], dayOfMonth: null, weekOfMonth: null, dayOfWeek: null, monthOfYear: null, startSeconds: 75600, repeatIntervalMinutes: null,
        maxBackupIntervalMinutes: null, timeZone: '(UTC-05:00) Eastern Time (US & Canada)', exceptDaysOfMonth: [1, 15],
        exceptWeekdaysOfMonth: [{ week: 'LAST', day: 'SUNDAY' }],
      },
      {
        scheduleId: 102, name: 'Full backup schedule', policyId: 45, backupType: 'FULL', forDatabasesOnly: false, frequencyType: 'MONTHLY', frequency: 1,
        weeklyDays: [], dayOfMonth: 1, weekOfMonth: 'FIRST', dayOfWeek: 'SATURDAY', monthOfYear: 'JANUARY', startSeconds: 3600, repeatIntervalMinutes: null,
        maxBackupIntervalMinutes: null, timeZone: null, exceptDaysOfMonth: [], exceptWeekdaysOfMonth: [],
      },
      {
        scheduleId: 103, name: 'Log backup schedule', policyId: 46, backupType: 'TRANSACTIONLOG', forDatabasesOnly: true, frequencyType: 'AUTOMATIC', frequency: null,
        weeklyDays: ['MONDAY', 'THURSDAY'], dayOfMonth: null, weekOfMonth: null, dayOfWeek: null, monthOfYear: null, startSeconds: null, repeatIntervalMinutes: 60,
        maxBackupIntervalMinutes: 240, timeZone: null, exceptDaysOfMonth: [], exceptWeekdaysOfMonth: [],
      },
    ]);
    expect(plan.backupDestinations).toEqual([
      {
        id: PLAN_DESTINATION, planId: 5, copyId: 21, name: 'Primary', storagePool: { id: 7, name: 'DiskPool01' }, storagePoolType: 'DEDUPLICATION',
        storagePoolRetentionDays: 30, worm: false, storageType: 'DISK', isDefault: true, isSnapCopy: false, isMirrorCopy: false, copyType: 'SYNCHRONOUS',
        copyTypeName: 'DEFAULT_MIRROR', copyPrecedence: 1, sourceCopy: null, region: null, backupsToCopy: 'All_JOBS', fullBackupTypesToCopy: 'FIRST',
        retention: {
          days: 30, cycles: null, indefinite: false, jobBased: false, jobs: null, dataAgingEnabled: true, snapRecoveryPoints: null, overridesPool: true,
          extended: [
            { rank: 1, fulls: 'WEEKLY_FULLS', days: 90, indefinite: false, graceDays: null },
            { rank: 2, fulls: 'MONTHLY_FULLS', days: 365, indefinite: false, graceDays: null },
            { rank: 3, fulls: 'YEARLY_FULLS', days: null, indefinite: true, graceDays: null },
          ],
        },
      },
      {
        id: toGlobalId('CommvaultPlanBackupDestination', CV, '5.22'), planId: 5, copyId: 22, name: 'DR copy', storagePool: { id: 8, name: 'CloudPool01' },
        storagePoolType: 'SECONDARY_COPY', storagePoolRetentionDays: 365, worm: true, storageType: 'CLOUD', isDefault: false, isSnapCopy: false,
        isMirrorCopy: true, copyType: 'SELECTIVE', copyTypeName: 'MIRROR', copyPrecedence: 2, sourceCopy: { id: 21, name: 'Primary' },
        region: { id: 3, name: 'eastus' }, backupsToCopy: 'WEEKLY_FULLS', fullBackupTypesToCopy: 'LAST',
        retention: {
          days: null, cycles: null, indefinite: true, jobBased: false, jobs: null, dataAgingEnabled: false, snapRecoveryPoints: null, overridesPool: false, extended: [],
        },
      },
    ]);
  });

  it('maps a storage policy copy\'s V2 retention: cycles, aging flag, extended rule codes, disabled rules left out', async () => {
    const policy = toGlobalId('CommvaultStoragePolicy', CV, 9);
    const res = await gql(`{ node(id: "${policy}") { ... on CommvaultStoragePolicy { copies { id storagePolicyId copyId retention { ${RETENTION} } } } } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.node.copies).toEqual([
      {
        id: POLICY_COPY, storagePolicyId: 9, copyId: 21,
        retention: {
          days: 30, cycles: 2, indefinite: false, jobBased: false, jobs: null, dataAgingEnabled: true, snapRecoveryPoints: null, overridesPool: null,
          extended: [{ rank: 1, fulls: 'MONTHLY_FULLS', days: 365, indefinite: false, graceDays: 2 }],
        },
      },
    ]);
  });
});

describe('updateRetention sends the body the real API expects', () => {
  it('a plan destination: PUT /V4/ServerPlan/{planId}/BackupDestination/{copyId} with the flat retention keys and the whole extended set', async () => {
    const res = await gql(UPDATE, {
      target: PLAN_DESTINATION,
      input: { days: 45, extended: [{ fulls: 'WEEKLY_FULLS', days: 120 }, { fulls: 'MONTHLY_FULLS', days: 400 }, { fulls: 'YEARLY_FULLS', indefinite: true }] },
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.updateRetention).toMatchObject({ target: PLAN_DESTINATION, applied: true, shortens: false });
    expect(putBody(V4_PUT)).toEqual({
      retentionPeriodDays: 45,
      retentionRuleType: 'RETENTION_PERIOD',
      useExtendedRetentionRules: true,
      extendedRetentionRules: {
        firstExtendedRetentionRule: { isInfiniteRetention: false, retentionPeriodDays: 120, type: 'WEEKLY_FULLS' },
        secondExtendedRetentionRule: { isInfiniteRetention: false, retentionPeriodDays: 400, type: 'MONTHLY_FULLS' },
        thirdExtendedRetentionRule: { isInfiniteRetention: true, retentionPeriodDays: -1, type: 'YEARLY_FULLS' },
      },
    });
    expect(fx.fake.calls(V4_PUT)[0]?.headers['content-type']).toMatch(/application\/json/);
  });

  const DR_COPY = toGlobalId('CommvaultPlanBackupDestination', CV, '5.22');
  const DR_PUT = 'PUT /V4/ServerPlan/5/BackupDestination/22';

  it('refuses to shorten a destination on a WORM pool, even confirmed (BAD_USER_INPUT, nothing sent)', async () => {
    fx.fake.on(DR_PUT, { json: fixture('v4-destination-put-response') });
    const res = await gql(UPDATE, { target: DR_COPY, input: { dataAgingEnabled: true }, confirmShorten: true });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(fx.fake.calls(DR_PUT)).toHaveLength(0);
  });

  it('a destination that followed its pool: the body also sets overrideRetentionSettings, and enableDataAging only when it changes', async () => {
    const answer = fixture('v4-backup-destinations') as { backupdestinations: Array<Record<string, any>> };
    answer.backupdestinations[1]!.storagePool.wormStoragePoolFlag = 0;
    fx.fake.on('GET /V4/ServerPlan/5/BackupDestinations', { json: answer });
    fx.fake.on(DR_PUT, { json: fixture('v4-destination-put-response') });
    // An empty list: Commvault leaves the key out.
    fx.fake.on('GET /V4/Plan/BackupDestination/22/Jobs', { json: {} });
    const res = await gql(UPDATE, { target: DR_COPY, input: { days: 400, dataAgingEnabled: true }, confirmShorten: true });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.updateRetention).toMatchObject({ applied: true, shortens: true });
    expect(putBody(DR_PUT)).toEqual({
      retentionPeriodDays: 400,
      retentionRuleType: 'RETENTION_PERIOD',
      useExtendedRetentionRules: false,
      extendedRetentionRules: {},
      enableDataAging: true,
      overrideRetentionSettings: true,
    });
  });

  it('a legacy copy: PUT /V2/StoragePolicy/{id}/Copy/{copyId} re-sends the whole copy with the retention edited, rules by name', async () => {
    const res = await gql(UPDATE, { target: POLICY_COPY, input: { cycles: 3, extended: [{ fulls: 'MONTHLY_FULLS', days: 400 }, { fulls: 'WEEKLY_FULLS', days: 60 }] } });
    expect(res.body.errors).toBeUndefined();
    const copy = (fixture('v2-storage-policy-copy') as { copy: Record<string, any> }).copy;
    expect(putBody(V2_PUT)).toEqual({
      storagePolicyCopyInfo: {
        ...copy,
        StoragePolicyCopy: { copyId: 21, copyName: 'Primary', storagePolicyName: 'Server Plan' },
        retentionRules: {
          retainBackupDataForCycles: 3, jobs: 0, retainArchiverDataForDays: -1, retainBackupDataForDays: 30,
          retentionFlags: { dirtyExtendedRetention: 1, enableDataAging: 1, jobBasedRetention: 0 },
          extendedRetentionRuleOne: { isEnabled: 1, rule: 'EXTENDED_MONTH', endDays: 400, graceDays: 0 },
          extendedRetentionRuleTwo: { isEnabled: 1, rule: 'EXTENDED_WEEK', endDays: 60, graceDays: 0 },
        },
        extendedFlags: { compressionOnClients: 0, overRideGACPRetention: 1 },
      },
    });
  });

  it('refuses a shortening without confirmShorten (BAD_USER_INPUT, nothing sent); its dry run sends nothing and lists the jobs to age', async () => {
    const refused = await gql(UPDATE, { target: PLAN_DESTINATION, input: { days: 7, extended: [] } });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const dry = await gql(UPDATE, { target: PLAN_DESTINATION, input: { days: 7, extended: [] }, dryRun: true });
    expect(dry.body.errors).toBeUndefined();
    expect(dry.body.data.updateRetention).toMatchObject({ applied: false, shortens: true, after: { days: 7, extended: [] } });
    // Both fixture jobs ended in January 2026 and the V2 copy keeps 2 cycles: only one full, so neither ages.
    expect(dry.body.data.updateRetention.jobsEligibleForAging).toEqual([]);
    expect(fx.fake.calls(V4_PUT)).toHaveLength(0);
  });
});
