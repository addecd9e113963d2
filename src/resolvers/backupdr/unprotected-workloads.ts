import type { GatewayContext } from '../../context.js';
import type { BackupDrSource } from '../../datasources/backupdr/backupdr-source.js';
import type { BdrApplication, BdrJob } from '../../datasources/backupdr/model.js';
import { finishedCapturesSince, isCaptureJob, listManagedApplications } from '../../datasources/backupdr/backup-history.js';
import { byWorkloadName, classifyProtection, findUnprotected, type UnprotectedFinding } from '../../monitoring/protection.js';
import type { ProtectionSummaryPart } from '../../schema/unified/protection-summary.type.js';
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
  const { workloads, captures } = await protectionInputs(source, cutoff);
  return unprotectedOf(ctx, source, findUnprotected(workloads, (a) => a.consoleId, captures, (j) => j.applicationId, cutoff, isCaptureJob));
}

/** A console's part of `protectionSummary`: the same applications and capture jobs, split three ways. */
export async function consoleProtectionSummary(ctx: GatewayContext, source: BackupDrSource, cutoff: Date, staleCutoff: Date): Promise<ProtectionSummaryPart> {
  const { workloads, captures } = await protectionInputs(source, cutoff);
  const split = classifyProtection(workloads, (a) => a.consoleId, captures, (j) => j.applicationId, cutoff, staleCutoff, isCaptureJob);
  return { protected: split.protected, stale: split.stale, unprotected: unprotectedOf(ctx, source, split.unprotected) };
}

async function protectionInputs(source: BackupDrSource, cutoff: Date): Promise<{ workloads: BdrApplication[]; captures: BdrJob[] }> {
  const [applications, captures] = await Promise.all([listManagedApplications(source), finishedCapturesSince(source, cutoff)]);
  return { workloads: applications.sort((a, b) => byWorkloadName(a, b) || byConsoleId(a.consoleId, b.consoleId)), captures };
}

function unprotectedOf(ctx: GatewayContext, source: BackupDrSource, findings: Array<UnprotectedFinding<BdrApplication>>): UnprotectedWorkload[] {
  const facts = consoleLoaders(ctx).backupFactsByApplicationId;
  return findings.map((f) => ({
    workload: f.workload,
    gap: f.gap,
    failedBackupCount: f.failedBackupCount,
    history: () => facts.load({ instanceId: source.instanceId, id: f.workload.consoleId }),
  }));
}
