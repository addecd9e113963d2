import { describe, expect, it } from 'vitest';
import { JobStatus, Severity } from '../../src/datasources/domain.js';
import { toAgents, toBackupsets, toClients } from '../../src/datasources/commvault/mappers/client.js';
import { toDdbEngines, toDdbStore } from '../../src/datasources/commvault/mappers/ddb.js';
import { toEvents } from '../../src/datasources/commvault/mappers/event.js';
import { field, path } from '../../src/datasources/commvault/mappers/read.js';
import { toJobStatus } from '../../src/datasources/commvault/mappers/job-status.js';
import { toJobPage } from '../../src/datasources/commvault/mappers/job.js';
import { toLibraries, toLibraryDetail } from '../../src/datasources/commvault/mappers/library.js';
import { tokenFromLogin } from '../../src/datasources/commvault/mappers/login.js';
import { toMediaAgents } from '../../src/datasources/commvault/mappers/media-agent.js';
import { toPlans } from '../../src/datasources/commvault/mappers/plan.js';
import { toStoragePolicies, toStoragePolicyDetail } from '../../src/datasources/commvault/mappers/storage-policy.js';
import { toStoragePoolDetail, toStoragePools } from '../../src/datasources/commvault/mappers/storage-pool.js';
import { toServers } from '../../src/datasources/commvault/mappers/server.js';
import { toCloudStorageDetail, toDiskStorageDetail } from '../../src/datasources/commvault/mappers/storage-detail.js';
import { toSubclients } from '../../src/datasources/commvault/mappers/subclient.js';
import { EventSeverity } from '../../src/datasources/domain.js';
import { upstreamRef } from '../../src/datasources/record.js';
import { toGlobalId } from '../../src/util/global-id.js';
import { DEFAULT_THRESHOLDS, ddbStoreSeverity } from '../../src/monitoring/thresholds.js';

const MB = 1024 * 1024;
/** The instance the answers below come from: every record names it. */
const UP = upstreamRef('cv-test', 'commvault');

// Fixtures in the shapes of docs/upstreams/commvault.md.
const jobSummary = {
  sizeOfApplication: 5368709120,
  backupSetName: 'defaultBackupSet',
  opType: 4,
  totalFailedFiles: 0,
  localizedStatus: 'Completed',
  totalNumOfFiles: 12034,
  jobId: 1426069,
  sizeOfMediaOnDisk: 1073741824,
  status: 'Completed',
  lastUpdateTime: 1767314036,
  percentSavings: 80.0,
  localizedOperationName: 'Backup',
  pendingReason: '',
  backupLevel: 2,
  jobElapsedTime: 600,
  jobStartTime: 1767313436,
  currentPhaseName: '',
  jobType: 'Backup',
  backupLevelName: 'Incremental',
  appTypeName: 'Windows File System',
  percentComplete: 100,
  jobEndTime: 1767314036,
  subclient: {
    clientName: 'fs01', instanceName: 'DefaultInstanceName', backupsetId: 3, instanceId: 1, subclientId: 7,
    clientId: 2, appName: 'Windows File System', backupsetName: 'defaultBackupSet', applicationId: 33,
    subclientName: 'default', displayName: 'fs01',
  },
  storagePolicy: { storagePolicyName: 'Server Plan', storagePolicyId: 5 },
  plan: { planName: 'Server Plan', planId: 5 },
  destClientName: 'fs01',
  userName: { userName: 'admin', userId: 1 },
};

describe('tolerant key reading', () => {
  it('finds keys in any casing, the first listed name winning, again and again on the same object', () => {
    const raw = Object.freeze({ MountPathList: [1], mountpathlist: [2], SubStoreList: 's', totalCapacity: 7 });
    for (let i = 0; i < 2; i += 1) {
      expect(field(raw, 'mountPathList')).toEqual([1]);
      expect(field(raw, 'subStoreList', 'mountPathList')).toBe('s');
      expect(field(raw, 'missing', 'TOTALCAPACITY')).toBe(7);
      expect(field(raw, 'missing')).toBeUndefined();
    }
    expect(path({ Outer: { INNER: 3 } }, 'outer', 'inner')).toBe(3);
    expect(field([1], 'length')).toBeUndefined();
  });
});

describe('job status', () => {
  it.each([
    ['Running', JobStatus.RUNNING],
    ['PENDING', JobStatus.PENDING],
    ['waiting', JobStatus.WAITING],
    ['Queued', JobStatus.WAITING],
    ['Suspended', JobStatus.SUSPENDED],
    ['Completed', JobStatus.COMPLETED],
    ['Committed', JobStatus.COMPLETED],
    ['Completed w/ one or more errors', JobStatus.COMPLETED_WITH_ERRORS],
    ['Completed w/ one or more warnings', JobStatus.COMPLETED_WITH_ERRORS],
    ['COMPLETED W/ ONE OR MORE ERRORS', JobStatus.COMPLETED_WITH_ERRORS],
    ['Failed', JobStatus.FAILED],
    ['Failed to Start', JobStatus.FAILED],
    ['Killed', JobStatus.KILLED],
    ['Kill Pending', JobStatus.OTHER],
    ['Suspend Pending', JobStatus.OTHER],
    ['Interrupted', JobStatus.OTHER],
    ['something new', JobStatus.OTHER],
    ['', JobStatus.OTHER],
  ])('maps "%s" to %s', (raw, status) => {
    expect(toJobStatus(raw)).toBe(status);
  });
});

describe('jobs', () => {
  it('maps a job summary: seconds → Date, sizes in bytes, embedded subclient, policy and plan', () => {
    const page = toJobPage({ totalRecordsWithoutPaging: 2, jobs: [{ jobSummary }] }, UP);
    expect(page.total).toBe(2);
    expect(page.items).toHaveLength(1);
    const job = page.items[0];
    expect(job).toMatchObject({
      __typename: 'CommvaultJob',
      id: toGlobalId('CommvaultJob', 'cv-test', 1426069),
      jobId: 1426069,
      status: JobStatus.COMPLETED,
      statusText: 'Completed',
      jobType: 'Backup',
      backupLevel: 'Incremental',
      startedAt: new Date(1767313436 * 1000),
      endedAt: new Date(1767314036 * 1000),
      sizeBytes: 5368709120,
      mediaSizeBytes: 1073741824,
      percentComplete: 100,
      clientId: 2,
      clientName: 'fs01',
      userName: 'admin',
      backupsetName: 'defaultBackupSet',
      storagePolicy: {
        __typename: 'CommvaultStoragePolicy', id: toGlobalId('CommvaultStoragePolicy', 'cv-test', 5), upstream: UP,
        storagePolicyId: 5, name: 'Server Plan', copies: null,
      },
      plan: { __typename: 'CommvaultPlan', id: toGlobalId('CommvaultPlan', 'cv-test', 5), upstream: UP, planId: 5, name: 'Server Plan', detail: null },
      pendingReason: null,
    });
    expect(job.upstream).toBe(UP);
    expect(job.subclient).toEqual({
      __typename: 'CommvaultSubclient', id: toGlobalId('CommvaultSubclient', 'cv-test', 7), upstream: UP,
      subclientId: 7, name: 'default', clientId: 2, clientName: 'fs01', applicationId: 33,
      appName: 'Windows File System', backupsetId: 3, backupsetName: 'defaultBackupSet',
      agentInstanceId: 1, agentInstanceName: 'DefaultInstanceName', detail: null,
    });
  });

  it('reads an empty answer whose jobs key is omitted', () => {
    expect(toJobPage({ totalRecordsWithoutPaging: 0 }, UP)).toEqual({ total: 0, items: [] });
  });

  it('tolerates a single job object instead of an array, numbers as strings and other key casing', () => {
    const page = toJobPage({
      TotalRecordsWithoutPaging: '1',
      jobs: { jobSummary: { ...jobSummary, JobId: undefined, jobId: '77', jobStartTime: '1767313436', jobEndTime: 0, Status: undefined } },
    }, UP);
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ jobId: 77, startedAt: new Date(1767313436 * 1000), endedAt: null });
  });

  it('treats 0 times as unset and -999 as unavailable', () => {
    const [job] = toJobPage({ jobs: [{ jobSummary: { ...jobSummary, jobStartTime: 0, sizeOfApplication: -999 } }] }, UP).items;
    expect(job.startedAt).toBeNull();
    expect(job.sizeBytes).toBeNull();
  });

  it('gives no subclient, policy or plan for id 0 (Commvault\'s "none")', () => {
    const [job] = toJobPage({
      jobs: [{ jobSummary: { ...jobSummary, subclient: { subclientId: 0 }, storagePolicy: { storagePolicyId: 0 }, plan: undefined } }],
    }, UP).items;
    expect(job.subclient).toBeNull();
    expect(job.storagePolicy).toBeNull();
    expect(job.plan).toBeNull();
  });
});

describe('clients, agents, backupsets, subclients', () => {
  it('maps GET /Client', () => {
    const clients = toClients({
      clientProperties: [
        {
          client: {
            cvdPort: 8400,
            clientEntity: { _type_: 3, hostName: 'fs01.example.com', clientId: 2, clientName: 'fs01', displayName: 'fs01', clientGUID: 'G', commCellName: 'cs01' },
          },
          clientProps: { isDeletedClient: false },
        },
      ],
    }, UP);
    expect(clients).toEqual([
      expect.objectContaining({ __typename: 'CommvaultClient', id: toGlobalId('CommvaultClient', 'cv-test', 2), upstream: UP, clientId: 2, name: 'fs01', hostName: 'fs01.example.com', guid: 'G', commCellName: 'cs01', isDeleted: false }),
    ]);
  });

  it('maps agents and backupsets', () => {
    expect(toAgents({ agentProperties: [{ idaEntity: { clientId: 2, clientName: 'fs01', applicationId: 33, appName: 'Windows File System' } }] }, 2, UP)).toEqual([
      { upstream: UP, clientId: 2, applicationId: 33, name: 'Windows File System' },
    ]);
    expect(
      toBackupsets({
        backupsetProperties: {
          backupSetEntity: { clientId: 2, applicationId: 33, appName: 'Windows File System', instanceName: 'DefaultInstanceName', backupsetId: 3, backupsetName: 'defaultBackupSet' },
          commonBackupSet: { isDefaultBackupSet: true },
        },
      }, 2, UP),
    ).toEqual([expect.objectContaining({ id: toGlobalId('CommvaultBackupset', 'cv-test', '2.3'), backupsetId: 3, name: 'defaultBackupSet', isDefault: true })]);
  });

  it('maps a subclient with plan, storage policy and content', () => {
    const [s] = toSubclients({
      subClientProperties: [
        {
          subClientEntity: { subclientId: 7, subclientName: 'default', clientId: 2, clientName: 'fs01', applicationId: 33, appName: 'Windows File System', backupsetId: 3, backupsetName: 'defaultBackupSet', instanceId: 1, instanceName: 'DefaultInstanceName' },
          commonProperties: { description: '', enableBackup: true, storageDevice: { dataBackupStoragePolicy: { storagePolicyId: 5, storagePolicyName: 'Server Plan' } } },
          planEntity: { planId: 5, planName: 'Server Plan' },
          content: [{ path: 'C:\\data' }],
        },
      ],
    }, UP);
    expect(s).toMatchObject({
      __typename: 'CommvaultSubclient', id: toGlobalId('CommvaultSubclient', 'cv-test', 7), subclientId: 7, name: 'default', clientId: 2,
      detail: {
        backupEnabled: true, description: null, contentPaths: ['C:\\data'],
        plan: { __typename: 'CommvaultPlan', planId: 5, name: 'Server Plan', detail: null },
        storagePolicy: { __typename: 'CommvaultStoragePolicy', storagePolicyId: 5, name: 'Server Plan' },
      },
    });
  });
});

describe('storage', () => {
  it('maps MediaAgents with numeric status', () => {
    const agents = toMediaAgents({
      mediaAgentList: [
        { mediaAgent: { mediaAgentId: 4, mediaAgentName: 'ma01', displayName: 'ma01' }, osInfo: { OsDisplayInfo: { OSName: 'Windows Server 2019 Datacenter' } }, status: 1, version: '11.32.45' },
        { mediaAgent: { mediaAgentId: 5, mediaAgentName: 'ma02' }, status: 0 },
      ],
    }, UP);
    expect(agents[0]).toMatchObject({ __typename: 'CommvaultMediaAgent', id: toGlobalId('CommvaultMediaAgent', 'cv-test', 4), upstream: UP });
    expect(agents.map((m) => [m.name, m.online, m.osName])).toEqual([
      ['ma01', true, 'Windows Server 2019 Datacenter'],
      ['ma02', false, null],
    ]);
  });

  it('maps storage pools: MB → bytes, free percent, cloud by vendor type', () => {
    const pools = toStoragePools({
      storagePoolList: [
        { storagePoolEntity: { storagePoolName: 'DiskPool01', storagePoolId: 11 }, storagePoolType: 1, libraryVendorType: 0, status: 'Online', totalCapacity: 10485760, totalFreeSpace: 4194304, sizeOnDisk: 3145728 },
        { storagePoolEntity: { storagePoolName: 'Cloud01', storagePoolId: 12 }, libraryVendorType: 403, totalCapacity: '1000', totalFreeSpace: '150' },
        { storagePoolEntity: { storagePoolName: 'Full', storagePoolId: 13 }, totalCapacity: 1000, totalFreeSpace: 50 },
        { storagePoolEntity: { storagePoolName: 'Unknown', storagePoolId: 14 } },
      ],
    }, UP);
    expect(pools[0]).toMatchObject({ __typename: 'CommvaultStoragePool', id: toGlobalId('CommvaultStoragePool', 'cv-test', 11), storagePoolId: 11, medium: 'DISK', capacityBytes: 10485760 * MB, freeBytes: 4194304 * MB, usedBytes: 3145728 * MB, freePercent: 40 });
    expect(pools[1]).toMatchObject({ medium: 'CLOUD', freePercent: 15 });
    expect(pools[2]).toMatchObject({ freePercent: 5 });
    expect(pools[3]).toMatchObject({ capacityBytes: null, freePercent: null });
  });

  it('reads a single pool sent as an object, and an omitted list as empty', () => {
    expect(toStoragePools({ storagePoolList: { storagePoolEntity: { storagePoolName: 'P', storagePoolId: 1 } } }, UP)).toHaveLength(1);
    expect(toStoragePools({}, UP)).toEqual([]);
  });

  it('reads a pool detail with its DDB stores', () => {
    const pool = toStoragePoolDetail({
      storagePoolDetails: { totalCapacity: 100, totalFreeSpace: 50, storagePoolEntity: { storagePoolId: 11, storagePoolName: 'DiskPool01' }, dedupDBDetailsList: [{ storeId: 12, storeName: 'DiskPool01_DDB' }] },
    }, UP);
    expect(pool).toMatchObject({ storagePoolId: 11, ddbStoreIds: [12], freePercent: 50 });
  });

  it('maps V4 disk storage details: MB → bytes, savings, backup locations, plans', () => {
    const detail = toDiskStorageDetail({
      id: 11,
      name: 'DiskPool01',
      general: { capacity: 10485760, freeSpace: 4194304, sizeOnDisk: 3145728, dedupeSavingsPercent: 81.5 },
      backupLocations: [{ id: 31, name: 'E:\\Mount01', status: 'Ready' }, { id: 32, name: 'F:\\Mount02', status: 'Offline' }],
      encryption: { encrypt: true, keyLength: 256, cipher: 'AES' },
      associatedPlanList: [{ id: 5, name: 'Server Plan' }],
    }, UP);
    expect(detail).toEqual({
      storagePoolId: 11,
      name: 'DiskPool01',
      medium: 'DISK',
      capacityBytes: 10485760 * MB,
      freeBytes: 4194304 * MB,
      sizeOnDiskBytes: 3145728 * MB,
      dedupeSavingsPercent: 81.5,
      backupLocations: [
        { id: 31, name: 'E:\\Mount01', status: 'Ready' },
        { id: 32, name: 'F:\\Mount02', status: 'Offline' },
      ],
      associatedPlans: [{ __typename: 'CommvaultPlan', id: toGlobalId('CommvaultPlan', 'cv-test', 5), upstream: UP, planId: 5, name: 'Server Plan', detail: null }],
    });
  });

  it('maps V4 cloud storage details: totalCapacity instead of capacity, string savings, buckets, no plan list', () => {
    const detail = toCloudStorageDetail({
      id: 14,
      name: 'CloudPool01',
      general: { type: 'DEDUPLICATION', vendorType: 'Amazon S3', totalCapacity: '2097152', freeSpace: 1048576, sizeOnDisk: '524288', deduplicationSavings: '72.35' },
      bucket: [{ id: 41, name: 'backup-bucket', status: 'Ready' }],
      security: [],
    }, UP);
    expect(detail).toMatchObject({
      storagePoolId: 14,
      medium: 'CLOUD',
      capacityBytes: 2097152 * MB,
      freeBytes: 1048576 * MB,
      sizeOnDiskBytes: 524288 * MB,
      dedupeSavingsPercent: 72.35,
      backupLocations: [{ id: 41, name: 'backup-bucket', status: 'Ready' }],
      associatedPlans: [],
    });
  });

  it('tolerates the other kind\'s capacity key, a "%" savings string, a single location object and missing parts', () => {
    expect(toDiskStorageDetail({ id: 1, general: { totalCapacity: 100, deduplicationSavings: '50.5%' }, backupLocations: { id: 3, name: 'M' } }, UP)).toMatchObject({
      name: '1',
      capacityBytes: 100 * MB,
      dedupeSavingsPercent: 50.5,
      backupLocations: [{ id: 3, name: 'M', status: null }],
    });
    expect(toCloudStorageDetail({ id: 2, general: { capacity: 7, deduplicationSavings: '' } }, UP)).toMatchObject({
      capacityBytes: 7 * MB,
      dedupeSavingsPercent: null,
      sizeOnDiskBytes: null,
      backupLocations: [],
      associatedPlans: [],
    });
    expect(toDiskStorageDetail({ errorMessage: 'Requested Details not found', errorCode: 404 }, UP)).toBeNull();
  });

  it('maps V4 servers with their agents, readiness and infrastructure flag', () => {
    const servers = toServers({
      totalServers: 2,
      servers: [
        { id: 2, name: 'fs01', displayName: 'fs01', hostName: 'fs01.example.com', agents: [{ id: 33, name: 'Windows File System' }], configured: true, version: '11.32.45', OS: 'Windows Server 2019', isInfrastructure: false, networkReadiness: 'ONLINE' },
        { id: 7, name: 'old01', agents: [], configured: false, networkReadiness: 'UNKNOWN' },
        { name: 'no id' },
      ],
    });
    expect(servers).toEqual([
      { clientId: 2, name: 'fs01', displayName: 'fs01', hostName: 'fs01.example.com', osName: 'Windows Server 2019', version: '11.32.45', agents: [{ id: 33, name: 'Windows File System' }], isInfrastructure: false, configured: true, online: true, networkReadiness: 'ONLINE', updateState: null },
      { clientId: 7, name: 'old01', displayName: null, hostName: null, osName: null, version: null, agents: [], isInfrastructure: null, configured: false, online: null, networkReadiness: 'UNKNOWN', updateState: null },
    ]);
    expect(toServers({ totalServers: 0 })).toEqual([]);
  });

  it('maps libraries and their mount paths (capital MountPathList, MB strings)', () => {
    expect(toLibraries({ response: [{ entityInfo: { name: 'DiskLib01', id: 3 } }], processinginstructioninfo: {} }, UP)).toEqual([
      { __typename: 'CommvaultLibrary', id: toGlobalId('CommvaultLibrary', 'cv-test', 3), upstream: UP, libraryId: 3, name: 'DiskLib01', status: null, libraryType: null, mountPaths: null },
    ]);
    const lib = toLibraryDetail(
      {
        libraryInfo: {
          library: { libraryName: 'DiskLib01', libraryId: 3 },
          status: 'Ready',
          MountPathList: [{ mountPathId: 8, mountPathName: 'E:\\mp1', status: 'Ready', mountPathSummary: { totalSpace: '2048', totalFreeSpace: 512, totalDataWritten: '100', estimatedSpaceRunoutDays: 30 } }],
        },
      },
      3,
      UP,
    );
    expect(lib).toMatchObject({ __typename: 'CommvaultLibrary', id: toGlobalId('CommvaultLibrary', 'cv-test', 3), upstream: UP, status: 'Ready' });
    expect(lib?.mountPaths).toEqual([
      { mountPathId: 8, name: 'E:\\mp1', status: 'Ready', capacityBytes: 2048 * MB, freeBytes: 512 * MB, dataWrittenBytes: 100 * MB, estimatedRunoutDays: 30 },
    ]);
  });

  it('maps storage policies and their copies', () => {
    expect(toStoragePolicies({ policies: [{ storagePolicyName: 'Server Plan', storagePolicyId: 5 }] }, UP)).toEqual([
      { __typename: 'CommvaultStoragePolicy', id: toGlobalId('CommvaultStoragePolicy', 'cv-test', 5), upstream: UP, storagePolicyId: 5, name: 'Server Plan', copies: null },
    ]);
    const detail = toStoragePolicyDetail(
      { copy: [{ StoragePolicyCopy: { copyId: 9, copyName: 'Primary' }, copyType: 1, active: 1, isSnapCopy: '0', copyPrecedence: 1, library: { libraryName: 'DiskLib01' } }] },
      { storagePolicyId: 5, name: 'Server Plan' },
      UP,
    );
    expect(detail.copies).toEqual([
      {
        id: toGlobalId('CommvaultStoragePolicyCopy', 'cv-test', '5.9'), storagePolicyId: 5, copyId: 9, name: 'Primary', copyType: 1, active: true,
        isSnapCopy: false, precedence: 1, libraryName: 'DiskLib01', retentionDays: null,
      },
    ]);
  });

  it('maps DDB engines, and a DDB store with partitions: Q&I time, online and free space', () => {
    expect(
      toDdbEngines({
        engines: [
          { sp: { id: 5, name: 'Server Plan' }, copy: { id: 9, name: 'Primary' }, storeId: 12, storeName: 'DiskPool01_DDB', sealedTime: 0, status: 0, ddbVersion: 11 },
          { sp: { id: 6, name: 'Other' }, copy: { id: 10, name: 'Aux' }, storeId: 12, storeName: 'DiskPool01_DDB' },
        ],
      }, UP),
    ).toEqual([
      expect.objectContaining({
        __typename: 'CommvaultDdbStore', id: toGlobalId('CommvaultDdbStore', 'cv-test', 12), upstream: UP,
        storeId: 12, name: 'DiskPool01_DDB', storagePolicyName: 'Server Plan', copyName: 'Primary', sealedAt: null, partitions: null,
      }),
    ]);

    const store = toDdbStore(
      {
        storeId: 12, storeName: 'DiskPool01_DDB', status: 0, sealedTime: 0, ddbVersion: 11,
        SubStoreList: [
          { subStoreId: 21, status: 1, Path: 'E:\\DDB\\P1', MediaAgent: { id: 4, name: 'ma01' }, freeDiskSpaceMB: 204800, avgQITime: 850 },
          { subStoreId: 22, status: 0, Path: 'F:\\DDB\\P2', MediaAgent: { id: 5, name: 'ma02' }, freeDiskSpaceMB: '1024', avgQITime: '2500' },
        ],
      },
      12,
      UP,
    );
    expect(store?.partitions?.map((p) => [p.subStoreId, p.online, p.mediaAgentName, p.avgQiMicros, p.freeBytes])).toEqual([
      [21, true, 'ma01', 850, 204800 * MB],
      [22, false, 'ma02', 2500, 1024 * MB],
    ]);
    expect(store).toMatchObject({ avgQiMicros: 2500, freeBytes: 1024 * MB });
    expect(ddbStoreSeverity(store?.partitions ?? null, DEFAULT_THRESHOLDS.ddb)).toBe(Severity.CRITICAL);
  });

  it('Q&I thresholds: > 1000 µs WARNING, > 2000 µs CRITICAL', () => {
    const sev = (qi: number) => ddbStoreSeverity(toDdbStore({ storeId: 1, SubStoreList: [{ subStoreId: 1, avgQITime: qi }] }, 1, UP)?.partitions ?? null, DEFAULT_THRESHOLDS.ddb);
    expect(sev(1000)).toBe(Severity.OK);
    expect(sev(1001)).toBe(Severity.WARNING);
    expect(sev(2000)).toBe(Severity.WARNING);
    expect(sev(2001)).toBe(Severity.CRITICAL);
  });
});

describe('plans, events, login', () => {
  it('maps GET /V2/Plan', () => {
    expect(toPlans({ plans: [{ plan: { planName: 'Server Plan', planId: 5 }, type: 2, subtype: 33554437, numAssocEntities: 3, numCopies: 1, rpoInMinutes: 1440 }] }, UP)).toEqual([
      {
        __typename: 'CommvaultPlan', id: toGlobalId('CommvaultPlan', 'cv-test', 5), upstream: UP, planId: 5, name: 'Server Plan',
        detail: { type: 2, subtype: 33554437, rpoMinutes: 1440, associatedEntities: 3, copiesCount: 1 },
      },
    ]);
  });

  it('maps events: severity codes, string eventCode, seconds', () => {
    const events = toEvents({
      commservEvents: [
        { severity: 3, eventCode: '318767226', jobId: 1426069, acknowledge: 0, eventCodeString: '19:122', subsystem: 'JobManager', description: 'Received failed message.', id: 224090815, timeSource: 1767314036, type: 0, clientEntity: { clientId: 2, clientName: 'bdcsrvtest' } },
        { severity: 9, id: 2, timeSource: 0 },
        { severity: 6, id: 3 },
        { severity: 0, id: 4 },
      ],
    }, UP);
    expect(events[0]).toMatchObject({ __typename: 'CommvaultEvent', id: toGlobalId('CommvaultEvent', 'cv-test', 224090815), upstream: UP, eventId: 224090815, severity: EventSeverity.MINOR, code: '318767226', jobId: 1426069, clientId: 2, occurredAt: new Date(1767314036 * 1000), acknowledged: false });
    expect(events.slice(1).map((e) => e.severity)).toEqual([EventSeverity.CRITICAL, EventSeverity.MAJOR, EventSeverity.INFORMATION]);
    expect(events[1].occurredAt).toBeNull();
    expect(toEvents({}, UP)).toEqual([]);
  });

  it('reads the login token verbatim, the SaaS form, and adds QSDK to a bare token', () => {
    expect(tokenFromLogin({ userName: 'admin', token: 'QSDK 3a7f0c', errList: [] })).toBe('QSDK 3a7f0c');
    expect(tokenFromLogin({ data: { authToken: 'abc' } })).toBe('QSDK abc');
    expect(tokenFromLogin({ loginAttempts: 1, errList: [{ errorCode: 5, errLogMessage: 'Invalid Username or Password' }] })).toBeUndefined();
  });
});
