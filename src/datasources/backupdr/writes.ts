/**
 * The console's write requests (docs/upstreams/backupdr.md §7) as the gateway sends them: typed
 * changes in, wire bodies out. PUT is incremental (same doc §3.2): only the attributes given are
 * written, so every builder leaves out what the caller left out. Booleans travel as the strings
 * "true"/"false", as AGMPowerCLI sends them and the console's SLA switches read back.
 */

/** `backuptype` of an on-demand backup (BackupNowRest). */
export type BdrBackupType = 'db' | 'log';

/** `POST /application/{id}/backup`. */
export interface BdrBackupNow {
  /** Unique per request: the job is found afterwards by `label:==` (the answer names none). */
  label: string;
  /** A policy of the application's template; absent: the console takes its snapshot policy. */
  policyId?: string;
  backupType: BdrBackupType;
}

/** `POST /backup/{id}/mount`. */
export interface BdrMount {
  label: string;
  hostId: string;
  powerOnVm?: boolean;
}

/** `POST /backup/{id}/unmount`. */
export interface BdrUnmount {
  /** Delete the mounted copy as well. */
  delete: boolean;
  force?: boolean;
}

/** `PUT /backup/{id}`. */
export interface BdrBackupChange {
  label?: string;
  expiration?: Date;
}

/** `PUT /sla/{id}`: the protection switches and the description. */
export interface BdrSlaChange {
  scheduleOff?: boolean;
  expirationOff?: boolean;
  logExpirationOff?: boolean;
  dedupAsyncOff?: boolean;
  description?: string;
}

/** `POST /sla`: apply a plan. */
export interface BdrSlaPlan {
  applicationId: string;
  sltId: string;
  slpId: string;
  scheduleOff?: boolean;
  description?: string;
}

/** `PUT /application/{id}`. */
export interface BdrApplicationChange {
  name?: string;
  description?: string;
  sensitivity?: number;
  ignore?: boolean;
}

const onOff = (b: boolean | undefined): string | undefined => (b === undefined ? undefined : b ? 'true' : 'false');

/** The body with the attributes left undefined dropped (JSON.stringify would drop them too; this keeps it explicit). */
function defined(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}

export const backupNowBody = (b: BdrBackupNow) =>
  defined({ label: b.label, policy: b.policyId === undefined ? undefined : { id: b.policyId }, backuptype: b.backupType });

export const mountBody = (m: BdrMount) => defined({ '@type': 'mountRest', label: m.label, host: { id: m.hostId }, poweronvm: m.powerOnVm });

export const unmountBody = (u: BdrUnmount) => defined({ delete: onOff(u.delete), force: onOff(u.force) });

/** Dates are epoch microseconds on the wire (docs/upstreams/backupdr.md §6.1). */
export const backupChangeBody = (c: BdrBackupChange) =>
  defined({ '@type': 'backupRest', label: c.label, expiration: c.expiration === undefined ? undefined : c.expiration.getTime() * 1000 });

export const slaChangeBody = (c: BdrSlaChange) =>
  defined({
    scheduleoff: onOff(c.scheduleOff),
    expirationoff: onOff(c.expirationOff),
    logexpirationoff: onOff(c.logExpirationOff),
    dedupasyncoff: onOff(c.dedupAsyncOff),
    description: c.description,
  });

export const slaPlanBody = (p: BdrSlaPlan) =>
  defined({
    application: { id: p.applicationId },
    slt: { id: p.sltId },
    slp: { id: p.slpId },
    scheduleoff: onOff(p.scheduleOff ?? false),
    description: p.description,
  });

export const applicationChangeBody = (c: BdrApplicationChange) =>
  defined({ '@type': 'applicationRest', name: c.name, description: c.description, sensitivity: c.sensitivity, ignore: c.ignore });
