/**
 * Virtualisation records (docs/upstreams/commvault.md, "Virtualisation"):
 * what the mappers read out of `GET /V4/Hypervisor`, `GET /VM` in our units.
 */
import type { NodeRecord } from '../record.js';
import type { CvRef } from './model.js';

/** A hypervisor (a virtualisation pseudo-client) as `GET /V4/Hypervisor` lists it. */
export interface CvHypervisor extends NodeRecord {
  readonly __typename: 'CommvaultHypervisor';
  /** The pseudo-client's client id: VMs name it as their `pseudoClient`. */
  hypervisorId: number;
  name: string;
  displayName: string | null;
  hostName: string | null;
  /** V4 `HypervisorType` as sent (`VMW`, `MICROSOFT`, `AZURE_V2`, ...). */
  vendor: string | null;
  /** V4 `status`: a retire state (`UNKNOWN`, `RETIRE_IN_PROGRESS`, `DECONFIGURED`), not reachability. */
  retireStatus: string | null;
  version: string | null;
  /** V4 `clientActivityControl.enableActivityType` of its backup activity. */
  backupEnabled: boolean | null;
}

/** `vmStatus` of `GET /VM` (codes 1..5, the same as its `status` filter), by V4's names for them. */
export enum CvVmProtection {
  PROTECTED = 'PROTECTED',
  NOT_PROTECTED = 'NOT_PROTECTED',
  PENDING = 'PENDING',
  BACKED_UP_WITH_ERROR = 'BACKED_UP_WITH_ERROR',
  DISCOVERED = 'DISCOVERED',
}

/** A virtual machine as `GET /VM` lists it. */
export interface CvVirtualMachine extends NodeRecord {
  readonly __typename: 'CommvaultVirtualMachine';
  /** The VM's own client id (each VM a CommServe knows is a client). */
  clientId: number;
  name: string;
  /** `strGUID`: the hypervisor's UUID of the VM. */
  uuid: string | null;
  guestOs: string | null;
  /** `vmHost`: the host (ESX server, Hyper-V node) the VM runs on. */
  hostName: string | null;
  /** `pseudoClient`: the hypervisor. */
  hypervisor: CvRef | null;
  /** `proxyClient`: the access node that backs it up. */
  proxy: CvRef | null;
  plan: CvRef | null;
  /** `vmSubClientEntity` (the VM group), else the list's `subclientId`/`subclientName`. */
  vmGroup: CvRef | null;
  protection: CvVmProtection | null;
  /** `vmSize`, bytes. */
  sizeBytes: number | null;
  /** `vmUsedSpace`, bytes. */
  usedBytes: number | null;
  /** `vmGuestSpace`, bytes. */
  guestSizeBytes: number | null;
  lastBackupJobId: number | null;
  lastBackupStartedAt: Date | null;
  lastBackupEndedAt: Date | null;
  /** The last backup's start when it succeeded (`PROTECTED` or `BACKED_UP_WITH_ERROR`), else null. */
  lastSuccessfulBackupAt: Date | null;
  isDeleted: boolean | null;
}
