import type { UpstreamSource } from '../datasources/upstream-source.js';
import type { Job } from '../schema/unified/job.type.js';

/** A job as live progress reads it: the record, and its progress figure (the product's own field). */
export interface LiveJob {
  readonly job: Job;
  /** Percent done as the product reports it (Commvault `percentComplete`, console `progress`); null when unknown. */
  readonly percentComplete: number | null;
}

/** How live progress reads one job fresh; `source` names whose upstream identity the reads run as. */
export interface LiveJobRead {
  readonly source: UpstreamSource;
  /** The job as the upstream shows it now (bypassing the response cache); null when it does not know it. */
  read(): Promise<LiveJob | null>;
}
