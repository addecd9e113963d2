import type { GatewayContext } from '../../context.js';
import type { BackupDrSource } from '../../datasources/backupdr/backupdr-source.js';
import { finishedCapturesSince, isCaptureJob, listManagedApplications } from '../../datasources/backupdr/backup-history.js';
import { byWorkloadName, findUnprotected } from '../../monitoring/protection.js';
import type { UnprotectedWorkload } from '../../schema/unified/unprotected-workload.type.js';
import { consoleLoaders } from './sources.js';

/** Console ids are numeric strings: shorter first, then by digits, is numeric order. */
const byConsoleId = (a: string, b: string): number => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

/**
 * A console's part of `unprotectedWorkloads` (docs/schema.md, "Protected workloads"): the applications
 * an SLA manages with no successful capture job (snapshot, dedup, DirectOnVault) started since `cutoff`,
 * by name. Two lists, read in parallel: the managed applications and the window's finished capture jobs
 * (datasources/backupdr/backup-history.ts). The history fields, only when selected, read the workloads' capture
 * jobs together (`captureFacts`: one or two `/jobstatus` id unions per 200 workloads).
 */
export async function consoleUnprotectedWorkloads(ctx: GatewayContext, source: BackupDrSource, cutoff: Date): Promise<UnprotectedWorkload[]> {
  const [applications, captures] = await Promise.all([listManagedApplications(source), finishedCapturesSince(source, cutoff)]);
  const workloads = applications.sort((a, b) => byWorkloadName(a, b) || byConsoleId(a.consoleId, b.consoleId));
  const findings = findUnprotected(workloads, (a) => a.consoleId, captures, (j) => j.applicationId, cutoff, isCaptureJob);
  const facts = consoleLoaders(ctx).backupFactsByApplicationId;
  return findings.map((f) => ({
    workload: f.workload,
    gap: f.gap,
    failedBackupCount: f.failedBackupCount,
    history: () => facts.load({ instanceId: source.instanceId, id: f.workload.consoleId }),
  }));
}
