import type { Scope } from '../context.js';
import { genericError, ok, type ApiRequest, type ApiResult, type RouteDef, type SimContext } from '../context.js';
import type { BackupLevelName, Client, SimHypervisor, SimVirtualMachine } from '../data/types.js';
import { startJob } from './jobs.js';

/** `GET /VM` without a `PagingInfo` header: the page size CommServes answer with (sdx's sample). */
const DEFAULT_VM_PAGE_SIZE = 10_000;

/** `backupLevel` of `POST /V4/VirtualMachines/{uuid}/backup` (OAS), to the job's level. */
const V4_LEVELS: Readonly<Record<string, BackupLevelName>> = {
  FULL: 'Full',
  INCREMENTAL: 'Incremental',
  DIFFERENTIAL: 'Differential',
  SYNTHETIC_FULL: 'Synthetic Full',
};

export const virtualizationRoutes: RouteDef[] = [
  { method: 'GET', template: '/V4/Hypervisor', handle: listHypervisors },
  { method: 'GET', template: '/VM', handle: listVms },
  { method: 'POST', template: '/V4/VirtualMachines/{uuid}/backup', write: true, handle: backupVm },
  { method: 'POST', template: '/v2/vsa/vm/{guid}/recover', write: true, handle: recoverVm },
];

function visibleClient(ctx: SimContext, req: ApiRequest, clientId: number): Client | undefined {
  const client = ctx.index.clients.get(clientId);
  return client && (req.scope as Scope).company(client.companyId) ? client : undefined;
}

/** `GET /V4/Hypervisor` → `{HypervisorCount, Hypervisors: [...]}`, capitalised keys as the OAS has them. */
function listHypervisors(req: ApiRequest, ctx: SimContext): ApiResult {
  const items = ctx.data.hypervisors
    .map((h) => ({ h, client: visibleClient(ctx, req, h.clientId) }))
    .filter((x): x is { h: SimHypervisor; client: Client } => x.client !== undefined)
    .map(({ h, client }) => ({
      id: client.clientId,
      name: client.clientName,
      displayName: client.displayName,
      hostName: client.hostName,
      HypervisorType: h.vendor,
      status: 'UNKNOWN',
      version: h.version,
      instance: { id: h.instanceId, name: h.instanceName },
      clientActivityControl: { activityType: 'BACKUP', enableAfterADelay: false, enableActivityType: true, delayTime: { timeZone: { id: 0, name: '' }, time: 0, value: '' } },
      tags: [],
      commcell: { name: ctx.data.commServ.commCellName },
      manageSnapshot: { id: 0, name: '' },
    }));
  return ok({ HypervisorCount: items.length, Hypervisors: items }, 'Api_HypervisorsResp');
}

/**
 * `GET /VM[?status=]` with paging in the `PagingInfo: <page>,<pageSize>` header (the docs' reading;
 * `0,n` is the first n under either reading) → `{totalRecords, pageNo, pageSize, vmStatusInfoList}`.
 * `status`: 0 all, 1 protected, 2 not protected, 3 pending, 4 backed up with error, 5 discovered.
 */
function listVms(req: ApiRequest, ctx: SimContext): ApiResult {
  const status = req.query.int('status') ?? 0;
  const paging = String(req.headers['paginginfo'] ?? '').split(',').map((v) => Number(v.trim()));
  const pageNo = Number.isInteger(paging[0]) && (paging[0] as number) >= 0 ? (paging[0] as number) : 0;
  const pageSize = Number.isInteger(paging[1]) && (paging[1] as number) > 0 ? (paging[1] as number) : DEFAULT_VM_PAGE_SIZE;
  const vms = ctx.data.virtualMachines.filter((vm) => (status === 0 || vm.status === status) && visibleClient(ctx, req, vm.clientId));
  const page = vms.slice(pageNo * pageSize, (pageNo + 1) * pageSize);
  return ok(
    { totalRecords: vms.length, pageNo, pageSize, errorMessage: '', errorCode: 0, vmStatusInfoList: page.map((vm) => vmStatusInfo(ctx, vm)) },
    'Api_VMStatusInfoResp',
  );
}

function vmStatusInfo(ctx: SimContext, vm: SimVirtualMachine): Record<string, unknown> {
  const hv = ctx.index.clients.get(vm.hypervisorId);
  const group = vm.subclientId === null ? undefined : ctx.index.subclients.get(vm.subclientId);
  const plan = group ? ctx.index.plans.get(group.planId) : undefined;
  const job = vm.backupJobId === null ? undefined : ctx.index.jobs.get(vm.backupJobId);
  const hvRef = { clientId: hv?.clientId ?? 0, clientName: hv?.clientName ?? '' };
  return {
    vmHost: vm.host,
    vmGuestSpace: vm.guestBytes,
    bkpStartTime: job?.startTime ?? 0,
    type: 9,
    vmStatus: vm.status,
    vmBackupJob: job?.jobId ?? 0,
    strOSName: vm.guestOs,
    isDeleted: false,
    vendor: ctx.data.hypervisors.find((h) => h.clientId === vm.hypervisorId)?.vendor === 'VMW' ? 1 : 2,
    osType: vm.osType,
    vmSize: vm.sizeBytes,
    vmUsedSpace: vm.usedBytes,
    subclientId: group?.subclientId ?? 0,
    bkpEndTime: job?.endTime ?? 0,
    vmAgent: hv?.clientName ?? '',
    name: vm.name,
    vmHardwareVer: '19',
    strGUID: vm.guid,
    subclientName: group?.subclientName ?? '',
    client: { clientId: vm.clientId, clientName: vm.name },
    proxyClient: hvRef,
    // `{}` when the VM has no plan, as CommServes send it.
    plan: plan ? { planName: plan.planName, planId: plan.planId } : {},
    pseudoClient: { ...hvRef, flags: { disabled: false } },
    vmSubClientEntity: group ? { subclientId: group.subclientId, subclientName: group.subclientName } : {},
  };
}

/** `POST /V4/VirtualMachines/{uuid}/backup?backupLevel=` → `{taskId, jobIds}`: a backup of the VM's group; 404 for an unknown VM. */
function backupVm(req: ApiRequest, ctx: SimContext): ApiResult {
  const uuid = String(req.params.uuid ?? '').toUpperCase();
  const vm = ctx.data.virtualMachines.find((v) => v.guid === uuid);
  if (!vm || !visibleClient(ctx, req, vm.clientId)) return { status: 404, body: { errorMessage: 'Requested Details not found', errorCode: 404 }, xmlRoot: 'CvEntities_GenericResp' };
  const level = V4_LEVELS[(req.query.get('backupLevel') ?? 'INCREMENTAL').toUpperCase()];
  if (!level) return { status: 400, body: { errorMessage: `Invalid backup level [${req.query.get('backupLevel')}].`, errorCode: 400 }, xmlRoot: 'CvEntities_GenericResp' };
  if (vm.subclientId === null) return ok(genericError(2, `Virtual machine [${vm.name}] is not in a VM group: nothing backs it up.`), 'CvEntities_GenericResp');
  const job = startJob(ctx, vm.subclientId, 'Backup', level, req.session?.user.userName ?? 'admin', false);
  return ok({ taskId: job.jobId - 1_000_000, jobIds: [String(job.jobId)] }, 'Api_BackupResp');
}

/**
 * `POST /v2/vsa/vm/{guid}/recover` with the XML `<VMRestoreReq powerOnVmAfterRestore passUnconditionalOverride
 * inPlaceRestore jobId>` (out of place: `<destinationInfo><vmware newName esxHost dataStore resourcePool/>`)
 * → `{taskId, jobIds}`: a Restore job of the VM's group, on the VM's own client in place and on its hypervisor
 * out of place (docs/upstreams/commvault-vm-restore.md). 404 for an unknown VM; refusals at HTTP 200 as
 * `{errorCode, errorMessage}` in the wording of the simulator's other restores.
 */
function recoverVm(req: ApiRequest, ctx: SimContext): ApiResult {
  const guid = String(req.params.guid ?? '').toUpperCase();
  const vm = ctx.data.virtualMachines.find((v) => v.guid === guid);
  if (!vm || !visibleClient(ctx, req, vm.clientId)) return { status: 404, body: { errorMessage: 'Requested Details not found', errorCode: 404 }, xmlRoot: 'CvEntities_GenericResp' };
  const request = xmlAttributes(req.rawBody, 'VMRestoreReq');
  if (!request) return refuse(1, 'Invalid request: a VMRestoreReq element is required.');
  const inPlace = request.inPlaceRestore?.toLowerCase() !== 'false';
  const vmware = xmlAttributes(req.rawBody, 'vmware');
  if (!inPlace && (!vmware?.newName || !vmware.esxHost || !vmware.dataStore)) return refuse(1, 'An out-of-place restore needs destinationInfo with a new name, an ESX host and a datastore.');
  if (vm.subclientId === null) return refuse(2, `Virtual machine [${vm.name}] is not in a VM group: it has no backup to restore.`);
  const jobId = Number(request.jobId ?? '');
  const from = request.jobId && request.jobId !== '' ? ctx.index.jobs.get(jobId) : vm.backupJobId === null ? undefined : ctx.index.jobs.get(vm.backupJobId);
  const usable = from && from.subclientId === vm.subclientId && from.jobType === 'Backup' && from.status.startsWith('Completed');
  if (!usable) return refuse(2, 'There is no backup data to restore in the selected time range.');
  const job = startJob(ctx, vm.subclientId, 'Restore', null, req.session?.user.userName ?? 'admin', false, { destClientId: inPlace ? vm.clientId : vm.hypervisorId });
  return ok({ taskId: job.jobId - 1_000_000, jobIds: [String(job.jobId)] }, 'Api_VMRestoreResp');
}

function refuse(code: number, message: string): ApiResult {
  return ok(genericError(code, message), 'CvEntities_GenericResp');
}

/** The attributes of the first `<name …>` element of an XML text (entities decoded); undefined when there is none. */
export function xmlAttributes(xml: string, name: string): Record<string, string> | undefined {
  const element = new RegExp(`<${name}((?:\\s+[A-Za-z_][\\w.-]*\\s*=\\s*"[^"]*")*)\\s*/?>`).exec(xml);
  if (!element) return undefined;
  const out: Record<string, string> = {};
  for (const m of element[1]!.matchAll(/([A-Za-z_][\w.-]*)\s*=\s*"([^"]*)"/g)) out[m[1]!] = decodeEntities(m[2]!);
  return out;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(v: string): string {
  return v.replace(/&(#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => (e.startsWith('#') ? String.fromCharCode(Number(e.slice(1))) : ENTITIES[e]!));
}
