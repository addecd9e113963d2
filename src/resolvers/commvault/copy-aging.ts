import type { CommvaultSource } from '../../datasources/commvault/commvault-source.js';
import type { CvRetentionRule } from '../../datasources/commvault/protection-model.js';
import { agingSummary, type CvAgingSummary } from '../../datasources/commvault/retention-aging.js';

/**
 * What data aging applies on a copy, shared by `updateRetention`'s dry run and the `agingSummary` fields
 * (docs/upstreams/commvault-aging.md §1): the rule, and the copy's job list judged by it.
 */

/**
 * The rule data aging applies on a plan backup destination given its V4 rule `rule`: V4 shows days only;
 * the storage policy copy underneath (V2, through the plan's storage policy) also counts cycles and jobs,
 * and aging honours them. `rule` unchanged when the plan names no policy or the copy is unknown.
 */
export async function planDestinationAgingRule(source: CommvaultSource, planId: number, copyId: number, rule: CvRetentionRule): Promise<CvRetentionRule> {
  const policy = (await source.getPlanProperties(planId))?.storagePolicy;
  const copy = policy ? await source.getStoragePolicyCopy(policy.id, copyId) : null;
  return copy ? { ...rule, cycles: copy.retention.cycles, jobBased: copy.retention.jobBased, jobs: copy.retention.jobs } : rule;
}

/** One copy's job list (`GET /V4/Plan/BackupDestination/{copyId}/Jobs`) judged by `rule` now; the rule may still be on its way (read in parallel). */
export async function copyAgingSummary(source: CommvaultSource, copyId: number, rule: CvRetentionRule | Promise<CvRetentionRule>): Promise<CvAgingSummary> {
  const [applied, jobs] = await Promise.all([rule, source.listCopyJobs(copyId)]);
  return agingSummary(applied, jobs, new Date());
}
