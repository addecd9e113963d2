/**
 * Compile-time checks, no runtime code: each Commvault schema class declares exactly the properties of the
 * domain record its resolvers receive and return (src/datasources/commvault/model.ts); see ../record-checks.ts.
 */
import type { Holds, Same } from '../record-checks.js';
import type { CvAgent, CvAgentInstance, CvBackupLocation, CvBackupset, CvBrowseEntry, CvClient, CvDdbPartition, CvDdbStore, CvEvent, CvJob, CvLibrary, CvMediaAgent, CvMountPath, CvPlan, CvStoragePolicy, CvStoragePolicyCopy, CvStoragePool, CvSubclient } from '../../datasources/commvault/model.js';
import type { CvHypervisor, CvVirtualMachine } from '../../datasources/commvault/virtualization-model.js';
import type { CvArrayAccessNode, CvReplicationGroup, CvReplicationPair, CvSnapConfiguration, CvStorageArray } from '../../datasources/commvault/arrays-replication-model.js';
import type { CommvaultReplicationGroup, CommvaultReplicationPair } from './replication.type.js';
import type { CvClientCapacity, CvJobSummaryReport } from '../../datasources/commvault/reports.js';
import type { CommvaultClientCapacity, CommvaultJobSummaryReport } from './reports.type.js';
import type { CommvaultArrayAccessNode, CommvaultSnapConfiguration, CommvaultStorageArray } from './storage-array.type.js';
import type { JobDetailRecord, JobVmResult } from '../../datasources/job-detail.js';
import type { JobDetail, JobVirtualMachineResult } from '../unified/job-detail.type.js';
import type { CommvaultHypervisor } from './hypervisor.type.js';
import type { CommvaultVirtualMachine } from './virtual-machine.type.js';
import type { CommvaultAgent } from './agent.type.js';
import type { CommvaultAgentInstance } from './agent-instance.type.js';
import type { CommvaultBackupset } from './backupset.type.js';
import type { CommvaultBackupLocation } from './backup-location.type.js';
import type { CommvaultBrowseEntry } from './browse-entry.type.js';
import type { CommvaultClient } from './client.type.js';
import type { CommvaultDdbPartition, CommvaultDdbStore } from './ddb-store.type.js';
import type { CommvaultEvent } from './event.type.js';
import type { CommvaultJob } from './job.type.js';
import type { CommvaultLibrary, CommvaultMountPath } from './library.type.js';
import type { CommvaultMediaAgent } from './media-agent.type.js';
import type { CommvaultPlan } from './plan.type.js';
import type { CommvaultStoragePolicy, CommvaultStoragePolicyCopy } from './storage-policy.type.js';
import type { CommvaultStoragePool } from './storage-pool.type.js';
import type { CommvaultSubclient } from './subclient.type.js';

export type CommvaultRecordChecks = [
  Holds<Same<CommvaultJob, CvJob, 'detail'>>,
  Holds<Same<CommvaultClient, CvClient, 'lastSuccessfulBackupAt'>>,
  Holds<Same<CommvaultSubclient, CvSubclient, 'hostName' | 'lastSuccessfulBackupAt'>>,
  Holds<Same<CommvaultPlan, CvPlan>>,
  Holds<Same<CommvaultStoragePolicy, CvStoragePolicy>>,
  Holds<Same<CommvaultStoragePolicyCopy, CvStoragePolicyCopy, 'retention'>>,
  Holds<Same<CommvaultMediaAgent, CvMediaAgent>>,
  Holds<Same<CommvaultStoragePool, CvStoragePool>>,
  Holds<Same<CommvaultLibrary, CvLibrary>>,
  Holds<Same<CommvaultMountPath, CvMountPath>>,
  Holds<Same<CommvaultEvent, CvEvent>>,
  Holds<Same<CommvaultDdbStore, CvDdbStore>>,
  Holds<Same<CommvaultDdbPartition, CvDdbPartition>>,
  Holds<Same<CommvaultBackupLocation, CvBackupLocation>>,
  Holds<Same<CommvaultAgent, CvAgent>>,
  Holds<Same<CommvaultAgentInstance, CvAgentInstance>>,
  Holds<Same<CommvaultBackupset, CvBackupset>>,
  Holds<Same<CommvaultBrowseEntry, CvBrowseEntry>>,
  Holds<Same<CommvaultHypervisor, CvHypervisor>>,
  Holds<Same<CommvaultVirtualMachine, CvVirtualMachine>>,
  Holds<Same<CommvaultStorageArray, CvStorageArray>>,
  Holds<Same<CommvaultArrayAccessNode, CvArrayAccessNode>>,
  Holds<Same<CommvaultSnapConfiguration, CvSnapConfiguration>>,
  Holds<Same<CommvaultReplicationGroup, CvReplicationGroup>>,
  Holds<Same<CommvaultReplicationPair, CvReplicationPair>>,
  Holds<Same<CommvaultClientCapacity, CvClientCapacity>>,
  Holds<Same<CommvaultJobSummaryReport, CvJobSummaryReport>>,
  Holds<Same<JobDetail, JobDetailRecord>>,
  Holds<Same<JobVirtualMachineResult, JobVmResult>>,
];
