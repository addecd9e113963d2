import type { BackupDrDataset, Job } from './types.js';

interface Live {
  job: Job;
  /** Share of its run done, 0..1 (the job's `progress` is its whole percent). */
  share: number;
  /** Simulator time of the last advance, epoch µs. */
  lastUs: number;
}

/**
 * Running console jobs progress over the simulator's clock: the seeded running jobs from the progress
 * they were generated at, and jobs started by `POST /application/{id}/backup` from 0. `progress` grows
 * by 100 % per `durationMs` of simulator time and the job ends `succeeded` at 100, with its end date and
 * duration set. A job cancelled meanwhile (`PUT /job/{id}`) is left as the cancel made it; queued jobs
 * stay queued. Advanced lazily, before every request is handled (the router's caller does it).
 *
 * New jobs are found by reading the job list past the last length seen: the backup route only appends,
 * so it needs no hook here.
 */
export class ConsoleJobProgress {
  private readonly live = new Map<string, Live>();
  private seen = 0;

  constructor(
    private readonly data: BackupDrDataset,
    private readonly nowUs: () => number,
    /** Simulator time a job takes from 0 to 100 %, ms. */
    private readonly durationMs: number,
  ) {}

  advance(): void {
    const now = this.nowUs();
    for (; this.seen < this.data.jobs.length; this.seen++) {
      const job = this.data.jobs[this.seen];
      if (job.status === 'running') this.live.set(job.id, { job, share: job.progress / 100, lastUs: now });
    }
    const durationUs = Math.max(1, this.durationMs * 1000);
    for (const [id, l] of this.live) {
      const { job } = l;
      if (job.status !== 'running') {
        this.live.delete(id);
        continue;
      }
      l.share = Math.min(1, l.share + (now - l.lastUs) / durationUs);
      l.lastUs = now;
      job.progress = Math.floor(l.share * 100);
      if (job.startdate !== null) job.duration = now - job.startdate;
      job.syncdate = now;
      if (l.share >= 1) {
        job.status = 'succeeded';
        job.progress = 100;
        job.message = 'Success';
        job.enddate = now;
        this.live.delete(id);
      }
    }
  }
}
