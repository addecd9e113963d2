/**
 * Monitoring results (plain data from src/monitoring) → schema objects. Class instances, as everywhere:
 * type-graphql resolves interfaces by `instanceof`.
 */
import type { CvServer } from '../../datasources/commvault/model.js';
import type { JobCounts as JobCountsData, JobStatusSummaryData } from '../../monitoring/job-summary.js';
import type { UnprotectedFinding } from '../../monitoring/protection.js';
import type { CommvaultClient } from '../../schema/commvault/client.type.js';
import { JobStatusCount } from '../../schema/unified/job-status-count.type.js';
import { JobStatusSummary } from '../../schema/unified/job-status-summary.type.js';
import { JobTypeSummary } from '../../schema/unified/job-type-summary.type.js';
import { UnprotectedWorkload } from '../../schema/unified/unprotected-workload.type.js';
import type { Upstream } from '../../schema/unified/upstream.type.js';

function counts(c: JobCountsData) {
  return {
    total: c.total,
    activeCount: c.activeCount,
    successCount: c.successCount,
    failedCount: c.failedCount,
    successPercent: c.successPercent,
    byStatus: c.byStatus.map((s) => Object.assign(new JobStatusCount(), s)),
  };
}

export function presentJobStatusSummary(data: JobStatusSummaryData, upstreams: Upstream[]): JobStatusSummary {
  return Object.assign(new JobStatusSummary(), {
    ...counts(data),
    since: data.since,
    until: data.until,
    protectedBytes: data.protectedBytes,
    byType: data.byType.map((t) => Object.assign(new JobTypeSummary(), { ...counts(t), jobType: t.jobType })),
    upstreams,
  });
}

export function presentUnprotectedClient(finding: UnprotectedFinding<CvServer>, client: CommvaultClient): UnprotectedWorkload {
  return Object.assign(new UnprotectedWorkload(), {
    workload: client,
    gap: finding.gap,
    failedBackupCount: finding.failedBackupCount,
    instanceId: client.upstream.id,
    clientId: client.clientId,
  });
}
