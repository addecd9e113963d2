import { describe, expect, it } from 'vitest';
import type { BackupDrSource } from '../../src/datasources/backupdr/backupdr-source.js';
import { findStartedJob, uniqueLabel } from '../../src/datasources/backupdr/job-lookup.js';
import type { BdrJob } from '../../src/datasources/backupdr/model.js';

/** A source whose `/jobstatus?filter=label:==` answers come from a script, one per poll. */
function scripted(answers: Array<BdrJob[] | Error>, lookup = { timeoutMs: 1_000, intervalMs: 100 }) {
  const labels: string[] = [];
  const source = {
    jobLookup: lookup,
    async findJobsByLabel(label: string) {
      labels.push(label);
      const next = answers.shift() ?? [];
      if (next instanceof Error) throw next;
      return next;
    },
  } as unknown as BackupDrSource;
  return { source, labels };
}

const job = (consoleId: string) => ({ consoleId }) as BdrJob;
const noSleep = async () => {};

describe('findStartedJob', () => {
  it('polls until the job shows up and answers the newest job with the label', async () => {
    const { source, labels } = scripted([[], [], [job('7'), job('12'), job('9')]]);
    const found = await findStartedJob(source, 'bg-1', noSleep);
    expect(found).toEqual({ label: 'bg-1', job: job('12') });
    expect(labels).toEqual(['bg-1', 'bg-1', 'bg-1']);
  });

  it('gives up after timeoutMs with no job, having waited intervalMs between polls', async () => {
    const { source, labels } = scripted([], { timeoutMs: 250, intervalMs: 100 });
    const waits: number[] = [];
    const started = Date.now();
    const found = await findStartedJob(source, 'bg-2', async (ms) => {
      waits.push(ms);
      await new Promise((r) => setTimeout(r, ms));
    });
    expect(found).toEqual({ label: 'bg-2', job: null });
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    expect(waits.every((w) => w <= 100)).toBe(true);
    expect(labels.length).toBeGreaterThanOrEqual(3);
    expect(labels.length).toBeLessThanOrEqual(5);
  });

  it('looks once when timeoutMs is 0', async () => {
    const { source, labels } = scripted([], { timeoutMs: 0, intervalMs: 100 });
    expect((await findStartedJob(source, 'bg-3', noSleep)).job).toBeNull();
    expect(labels).toHaveLength(1);
  });

  it('ends with no job when a poll fails: the write itself stood', async () => {
    const { source, labels } = scripted([[], new Error('console down')]);
    expect(await findStartedJob(source, 'bg-4', noSleep)).toEqual({ label: 'bg-4', job: null });
    expect(labels).toHaveLength(2);
  });
});

describe('uniqueLabel', () => {
  it('differs per call', () => {
    expect(uniqueLabel()).not.toBe(uniqueLabel());
  });
});
