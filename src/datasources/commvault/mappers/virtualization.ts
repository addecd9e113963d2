import { toGlobalId } from '../../../util/global-id.js';
import type { UpstreamRef } from '../../record.js';
import type { CvRef } from '../model.js';
import { CvVmProtection, type CvHypervisor, type CvVirtualMachine } from '../virtualization-model.js';
import { bool, field, int, list, num, str, unixSeconds } from './read.js';

/**
 * `GET /V4/Hypervisor`: `{HypervisorCount, Hypervisors: [{id, name, displayName, hostName, HypervisorType,
 * status, version, clientActivityControl}]}` — capitalised keys (read case-insensitively anyway).
 * `clientActivityControl` is one object here but an array in the VM detail: both are read.
 */
export function toHypervisors(body: unknown, upstream: UpstreamRef): CvHypervisor[] {
  const out: CvHypervisor[] = [];
  for (const h of list(field(body, 'Hypervisors'))) {
    const hypervisorId = int(field(h, 'id'));
    if (hypervisorId === null) continue;
    out.push({
      __typename: 'CommvaultHypervisor',
      id: toGlobalId('CommvaultHypervisor', upstream.id, hypervisorId),
      upstream,
      hypervisorId,
      name: str(field(h, 'name')) ?? str(field(h, 'displayName')) ?? String(hypervisorId),
      displayName: str(field(h, 'displayName')),
      hostName: str(field(h, 'hostName')),
      vendor: str(field(h, 'HypervisorType', 'vendor')),
      retireStatus: str(field(h, 'status')),
      version: str(field(h, 'version')),
      backupEnabled: backupActivityEnabled(field(h, 'clientActivityControl')),
    });
  }
  return out;
}

function backupActivityEnabled(control: unknown): boolean | null {
  const entries = list(control);
  const backup = entries.find((e) => String(field(e, 'activityType') ?? '').toUpperCase() === 'BACKUP' || int(field(e, 'activityType')) === 1);
  return bool(field(backup, 'enableActivityType'));
}

/** `vmStatus` codes of `GET /VM` (its `status` filter uses the same), and V4's names for them. */
const PROTECTION_CODES: Readonly<Record<number, CvVmProtection>> = {
  1: CvVmProtection.PROTECTED,
  2: CvVmProtection.NOT_PROTECTED,
  3: CvVmProtection.PENDING,
  4: CvVmProtection.BACKED_UP_WITH_ERROR,
  5: CvVmProtection.DISCOVERED,
};
const PROTECTION_NAMES: ReadonlySet<string> = new Set(Object.values(PROTECTION_CODES));

function protectionOf(v: unknown): CvVmProtection | null {
  const code = int(v);
  if (code !== null) return PROTECTION_CODES[code] ?? null;
  const name = str(v)?.toUpperCase();
  return name !== undefined && PROTECTION_NAMES.has(name) ? (name as CvVmProtection) : null;
}

/**
 * `GET /VM`: `{totalRecords, vmStatusInfoList: [{name, strGUID, strOSName, vmHost, vmStatus, client,
 * pseudoClient, proxyClient, plan, vmSubClientEntity, vmSize, vmUsedSpace, vmGuestSpace, vmBackupJob,
 * bkpStartTime, bkpEndTime, isDeleted}]}`; bytes and Unix seconds. `plan` is `{}` when the VM has none.
 * A VM without a client id is skipped: nothing could name it again.
 */
export function toVirtualMachines(body: unknown, upstream: UpstreamRef): CvVirtualMachine[] {
  const out: CvVirtualMachine[] = [];
  for (const vm of list(field(body, 'vmStatusInfoList'))) {
    const client = field(vm, 'client');
    const clientId = int(field(client, 'clientId'));
    if (clientId === null) continue;
    const protection = protectionOf(field(vm, 'vmStatus'));
    const lastBackupStartedAt = unixSeconds(field(vm, 'bkpStartTime'));
    out.push({
      __typename: 'CommvaultVirtualMachine',
      id: toGlobalId('CommvaultVirtualMachine', upstream.id, clientId),
      upstream,
      clientId,
      name: str(field(vm, 'name')) ?? str(field(client, 'clientName')) ?? String(clientId),
      uuid: str(field(vm, 'strGUID')),
      guestOs: str(field(vm, 'strOSName')),
      hostName: str(field(vm, 'vmHost')),
      hypervisor: refOf(field(vm, 'pseudoClient'), 'clientId', 'clientName'),
      proxy: refOf(field(vm, 'proxyClient'), 'clientId', 'clientName'),
      plan: refOf(field(vm, 'plan'), 'planId', 'planName'),
      vmGroup:
        refOf(field(vm, 'vmSubClientEntity'), 'subclientId', 'subclientName') ??
        refOf(vm, 'subclientId', 'subclientName'),
      protection,
      sizeBytes: num(field(vm, 'vmSize')),
      usedBytes: num(field(vm, 'vmUsedSpace')),
      guestSizeBytes: num(field(vm, 'vmGuestSpace')),
      lastBackupJobId: positive(int(field(vm, 'vmBackupJob'))),
      lastBackupStartedAt,
      lastBackupEndedAt: unixSeconds(field(vm, 'bkpEndTime')),
      lastSuccessfulBackupAt: protection !== null && isBackedUp(protection) ? lastBackupStartedAt : null,
      isDeleted: bool(field(vm, 'isDeleted')),
    });
  }
  return out;
}

/** Backed up, with or without errors: the last backup holds a recovery point. */
export function isBackedUp(protection: CvVmProtection): boolean {
  return protection === CvVmProtection.PROTECTED || protection === CvVmProtection.BACKED_UP_WITH_ERROR;
}

/** `totalRecords` of `GET /VM`: how many VMs match upstream, whatever page was read. */
export function vmTotalRecords(body: unknown): number | null {
  return int(field(body, 'totalRecords'));
}

/** `{<idKey>, <nameKey>}` as a reference; null without a positive id (`{}` or id 0 mean none). */
export function refOf(raw: unknown, idKey: string, nameKey: string): CvRef | null {
  const id = int(field(raw, idKey));
  if (id === null || id <= 0) return null;
  return { id, name: str(field(raw, nameKey)) ?? String(id) };
}

/** Commvault's ids and job numbers use 0 for "none". */
export function positive(n: number | null): number | null {
  return n !== null && n > 0 ? n : null;
}
