import { randomUUID } from 'node:crypto';
import type { BackupDrSource } from './backupdr-source.js';
import type { BdrJob } from './model.js';

/** What a job-starting console write came to: the job when it showed up in time, and the label it was looked for by. */
export interface StartedConsoleJob {
  label: string;
  job: BdrJob | null;
}

/** A label no other request uses, for a write whose caller gave none: `/jobstatus` then finds only this job. */
export function uniqueLabel(): string {
  return `bg-${randomUUID()}`;
}

/**
 * The console answers a backup or mount with 204 and no job id (docs/upstreams/backupdr.md §7.3): the job
 * is found by its label, polling `/jobstatus?filter=label:==…` every `intervalMs` for at most `timeoutMs`
 * (the source's `jobLookup`). The newest job with the label wins (a caller's own label may have been used
 * before). A poll that fails ends the lookup with no job: the write itself succeeded.
 */
export async function findStartedJob(source: BackupDrSource, label: string, sleep = delay): Promise<StartedConsoleJob> {
  const { timeoutMs, intervalMs } = source.jobLookup;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let jobs: BdrJob[];
    try {
      jobs = await source.findJobsByLabel(label);
    } catch {
      return { label, job: null };
    }
    const newest = jobs.reduce<BdrJob | null>((best, j) => (best === null || Number(j.consoleId) > Number(best.consoleId) ? j : best), null);
    if (newest) return { label, job: newest };
    const wait = Math.min(intervalMs, deadline - Date.now());
    if (wait <= 0) return { label, job: null };
    await sleep(wait);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
