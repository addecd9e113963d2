/**
 * What `unprotectedWorkloads` must answer, computed from a simulator's seeded data by the rules
 * docs/schema.md states ("Protected workloads"): for the tests of the field and of the collectors' alerts.
 */
import type { BackupDrSimulator } from '../../simulators/backupdr/index.js';
import type { CommvaultSimulator } from '../../simulators/commvault/index.js';
import { toGlobalId } from '../../src/util/global-id.js';

/** docs/schema.md: a Commvault backup succeeded when Completed (with or without errors or warnings); it failed when Failed or Killed. */
export const CV_SUCCESS = new Set(['Completed', 'Completed w/ one or more errors', 'Completed w/ one or more warnings']);
export const CV_FAILURE = new Set(['Failed', 'Killed']);
/** docs/schema.md: a console application's backups are its capture jobs; copies, mounts, expirations and log jobs are not. */
export const CAPTURE_CLASSES = new Set(['snapshot', 'dedup', 'DirectOnVault']);
export const BDR_FAILURE = new Set(['failed', 'canceled']);
export const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });

export interface Expected {
  __typename: string;
  id: string;
  name: string;
  hostName: string | null;
  upstream: string;
  gap: 'BACKUPS_FAILING' | 'NO_BACKUPS';
  failedBackupCount: number;
}

/** Commvault: clients with an agent and no successful backup job started since the cutoff, by name then id. */
export function unprotectedClients(id: string, sim: CommvaultSimulator, cutoffS: number): Expected[] {
  const withAgent = new Set(sim.data.agents.map((a) => a.clientId));
  const backups = sim.data.jobs.filter((j) => j.jobType === 'Backup' && j.startTime >= cutoffS);
  return sim.data.clients
    .filter((c) => withAgent.has(c.clientId) && !backups.some((j) => j.clientId === c.clientId && CV_SUCCESS.has(j.status)))
    .map((c) => ({ c, name: c.clientName }))
    .sort((a, b) => byName(a, b) || a.c.clientId - b.c.clientId)
    .map(({ c }) => {
      const failed = backups.filter((j) => j.clientId === c.clientId && CV_FAILURE.has(j.status)).length;
      return {
        __typename: 'CommvaultClient',
        id: toGlobalId('CommvaultClient', id, c.clientId),
        name: c.clientName,
        hostName: c.hostName,
        upstream: id,
        gap: failed > 0 ? 'BACKUPS_FAILING' : 'NO_BACKUPS',
        failedBackupCount: failed,
      };
    });
}

/** A console: applications an SLA manages with no successful capture job started since the cutoff, by name then id. */
export function unprotectedApplications(id: string, sim: BackupDrSimulator, cutoffUs: number): Expected[] {
  const hosts = new Map(sim.data.hosts.map((h) => [h.id, h.hostname]));
  const captures = sim.data.jobs.filter((j) => CAPTURE_CLASSES.has(j.jobclass) && j.startdate !== null && j.startdate >= cutoffUs);
  return sim.data.applications
    .filter((a) => a.managed && !captures.some((j) => j.appId === a.id && j.status === 'succeeded'))
    .sort((a, b) => byName(a, b) || Number(a.id) - Number(b.id))
    .map((a) => {
      const failed = captures.filter((j) => j.appId === a.id && BDR_FAILURE.has(j.status)).length;
      return {
        __typename: 'BackupDrApplication',
        id: toGlobalId('BackupDrApplication', id, a.id),
        name: a.name,
        hostName: hosts.get(a.hostId) ?? null,
        upstream: id,
        gap: failed > 0 ? 'BACKUPS_FAILING' : 'NO_BACKUPS',
        failedBackupCount: failed,
      };
    });
}
