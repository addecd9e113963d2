/**
 * Domain records → schema objects. Each object gets its global id, its `upstream` and the internal
 * references its relation resolvers need. They are class instances because type-graphql resolves
 * interfaces (Node, Job, StorageTarget) by `instanceof`.
 */
import type { CommvaultSource } from '../../datasources/commvault/commvault-source.js';
import type {
  CvClient,
  CvDdbStore,
  CvEvent,
  CvJob,
  CvLibrary,
  CvMediaAgent,
  CvPlan,
  CvRef,
  CvStoragePolicy,
  CvStoragePolicyCopy,
  CvStoragePool,
  CvSubclient,
  CvSubclientRef,
} from '../../datasources/commvault/model.js';
import type { UpstreamKind as ConfigUpstreamKind } from '../../config/schema.js';
import { CommvaultClient } from '../../schema/commvault/client.type.js';
import { CommvaultDdbStore } from '../../schema/commvault/ddb-store.type.js';
import { CommvaultEvent } from '../../schema/commvault/event.type.js';
import { CommvaultJob } from '../../schema/commvault/job.type.js';
import { CommvaultLibrary } from '../../schema/commvault/library.type.js';
import { CommvaultMediaAgent } from '../../schema/commvault/media-agent.type.js';
import { CommvaultPlan } from '../../schema/commvault/plan.type.js';
import { CommvaultStoragePolicy, CommvaultStoragePolicyCopy } from '../../schema/commvault/storage-policy.type.js';
import { CommvaultStoragePool } from '../../schema/commvault/storage-pool.type.js';
import { StorageMedium } from '../../schema/commvault/storage-medium.enum.js';
import { CommvaultSubclient } from '../../schema/commvault/subclient.type.js';
import { toGlobalId } from '../../util/global-id.js';
import { presentedOnce } from '../presented-once.js';
import { UpstreamKind } from '../../schema/unified/upstream-kind.enum.js';
import { Upstream } from '../../schema/unified/upstream.type.js';

/** The `upstream` of every object a source returns; relations reuse their parent's. */
export const upstreamOf = (source: CommvaultSource): Upstream => presentUpstream(source.instanceId, source.kind);

const KINDS: Record<ConfigUpstreamKind, UpstreamKind> = {
  commvault: UpstreamKind.COMMVAULT,
  'commvault-cloud': UpstreamKind.COMMVAULT_CLOUD,
  backupdr: UpstreamKind.BACKUPDR,
};

const upstreams = new Map<string, Upstream>();

/** One frozen `Upstream` per instance: every object of the instance shares it. */
export function presentUpstream(id: string, kind: ConfigUpstreamKind): Upstream {
  const key = `${kind}\u0000${id}`;
  let up = upstreams.get(key);
  if (!up) upstreams.set(key, (up = Object.freeze(Object.assign(new Upstream(), { id, kind: KINDS[kind] }))));
  return up;
}

export function presentJob(up: Upstream, j: CvJob): CommvaultJob {
  return presentedOnce('CommvaultJob', up, j, () =>
    Object.assign(new CommvaultJob(), {
      id: toGlobalId('CommvaultJob', up.id, j.jobId),
      upstream: up,
      status: j.status,
      jobType: j.jobType,
      startedAt: j.startedAt,
      endedAt: j.endedAt,
      sizeBytes: j.sizeBytes,
      jobId: j.jobId,
      statusText: j.statusText,
      backupLevel: j.backupLevel,
      operation: j.operation,
      percentComplete: j.percentComplete,
      percentSavings: j.percentSavings,
      mediaSizeBytes: j.mediaSizeBytes,
      elapsedSeconds: j.elapsedSeconds,
      lastUpdatedAt: j.lastUpdatedAt,
      filesCount: j.filesCount,
      failedFilesCount: j.failedFilesCount,
      pendingReason: j.pendingReason,
      phase: j.phase,
      appTypeName: j.appTypeName,
      backupsetName: j.subclient?.backupsetName ?? null,
      destinationClientName: j.destinationClientName,
      userName: j.userName,
      record: j,
    }),
  );
}

export function presentClient(up: Upstream, c: CvClient): CommvaultClient {
  return presentedOnce('CommvaultClient', up, c, () =>
    Object.assign(new CommvaultClient(), {
      id: toGlobalId('CommvaultClient', up.id, c.clientId),
      upstream: up,
      clientId: c.clientId,
      name: c.name,
      displayName: c.displayName,
      hostName: c.hostName,
      guid: c.guid,
      commCellName: c.commCellName,
      description: c.description,
      osName: c.osName,
      version: c.version,
      instanceId: up.id,
    }),
  );
}

/** A client known only by what another answer embeds (e.g. a job of a client no longer listed). */
export function presentClientStub(up: Upstream, clientId: number, name: string | null): CommvaultClient {
  return presentClient(up, {
    clientId,
    name: name ?? String(clientId),
    displayName: null,
    hostName: null,
    guid: null,
    commCellName: null,
    description: null,
    osName: null,
    version: null,
    isDeleted: null,
  });
}

/** From an embedded reference (job summary) or a full record (`detail` set when it is one). */
export function presentSubclient(up: Upstream, s: CvSubclientRef | CvSubclient): CommvaultSubclient {
  return presentedOnce('CommvaultSubclient', up, s, () =>
    Object.assign(new CommvaultSubclient(), {
      id: toGlobalId('CommvaultSubclient', up.id, s.subclientId),
      upstream: up,
      subclientId: s.subclientId,
      name: s.name,
      clientId: s.clientId,
      clientName: s.clientName,
      appName: s.appName,
      backupsetName: s.backupsetName,
      agentInstanceName: s.agentInstanceName,
      instanceId: up.id,
      detail: 'contentPaths' in s ? s : undefined,
    }),
  );
}

export function presentPlan(up: Upstream, p: CvRef | CvPlan): CommvaultPlan {
  const full = 'planId' in p;
  return presentedOnce('CommvaultPlan', up, p, () =>
    Object.assign(new CommvaultPlan(), {
      id: toGlobalId('CommvaultPlan', up.id, full ? p.planId : p.id),
      upstream: up,
      planId: full ? p.planId : p.id,
      name: p.name,
      instanceId: up.id,
      detail: full ? p : undefined,
    }),
  );
}

export function presentStoragePolicy(up: Upstream, p: CvRef | CvStoragePolicy): CommvaultStoragePolicy {
  const id = 'storagePolicyId' in p ? p.storagePolicyId : p.id;
  return presentedOnce('CommvaultStoragePolicy', up, p, () =>
    Object.assign(new CommvaultStoragePolicy(), {
      id: toGlobalId('CommvaultStoragePolicy', up.id, id),
      upstream: up,
      storagePolicyId: id,
      name: p.name,
      instanceId: up.id,
    }),
  );
}

export function presentCopy(c: CvStoragePolicyCopy): CommvaultStoragePolicyCopy {
  return Object.assign(new CommvaultStoragePolicyCopy(), c);
}

export function presentMediaAgent(up: Upstream, m: CvMediaAgent): CommvaultMediaAgent {
  return Object.assign(new CommvaultMediaAgent(), {
    id: toGlobalId('CommvaultMediaAgent', up.id, m.mediaAgentId),
    upstream: up,
    mediaAgentId: m.mediaAgentId,
    name: m.name,
    displayName: m.displayName,
    online: m.online,
    osName: m.osName,
    version: m.version,
  });
}

export function presentStoragePool(up: Upstream, p: CvStoragePool): CommvaultStoragePool {
  return Object.assign(new CommvaultStoragePool(), {
    id: toGlobalId('CommvaultStoragePool', up.id, p.storagePoolId),
    upstream: up,
    name: p.name,
    capacityBytes: p.capacityBytes,
    freeBytes: p.freeBytes,
    freePercent: p.freePercent,
    severity: p.severity,
    storagePoolId: p.storagePoolId,
    medium: StorageMedium[p.medium],
    usedBytes: p.usedBytes,
    status: p.status,
    poolType: p.poolType,
    instanceId: up.id,
  });
}

export function presentLibrary(up: Upstream, l: CvLibrary): CommvaultLibrary {
  return Object.assign(new CommvaultLibrary(), {
    id: toGlobalId('CommvaultLibrary', up.id, l.libraryId),
    upstream: up,
    libraryId: l.libraryId,
    name: l.name,
    instanceId: up.id,
  });
}

export function presentEvent(up: Upstream, e: CvEvent): CommvaultEvent {
  return Object.assign(new CommvaultEvent(), {
    id: toGlobalId('CommvaultEvent', up.id, e.eventId),
    upstream: up,
    eventId: e.eventId,
    severity: e.severity,
    occurredAt: e.occurredAt,
    code: e.code,
    codeString: e.codeString,
    subsystem: e.subsystem,
    description: e.description,
    jobId: e.jobId,
    clientName: e.clientName,
    acknowledged: e.acknowledged,
    record: e,
    instanceId: up.id,
  });
}

export function presentDdbStore(up: Upstream, d: CvDdbStore): CommvaultDdbStore {
  return Object.assign(new CommvaultDdbStore(), {
    id: toGlobalId('CommvaultDdbStore', up.id, d.storeId),
    upstream: up,
    storeId: d.storeId,
    name: d.name,
    status: d.status,
    version: d.version,
    sealedAt: d.sealedAt,
    storagePolicyName: d.storagePolicy?.name ?? null,
    copyName: d.copy?.name ?? null,
    instanceId: up.id,
    record: d,
  });
}
