import { describe, expect, it } from 'vitest';
import type { BackupDrSource } from '../../src/datasources/backupdr/backupdr-source.js';
import { APPLICATION_HISTORY_LIMIT, captureFacts, COUNT_CHECK_AFTER_PAGES, finishedCapturesSince, MAX_WALK_PAGES, WALK_PAGE_SIZE } from '../../src/datasources/backupdr/backup-history.js';
import type { ListSpec } from '../../src/datasources/backupdr/query-builder.js';
import { ErrorCode } from '../../src/errors/codes.js';

/** A console whose `/jobhistory` holds `total` jobs (and says so in HEAD), recording the calls it gets. */
function consoleWith(total: number) {
  const calls: string[] = [];
  const source = {
    instanceId: 'bdr-test',
    async metadata() {
      return { filterable: new Map([['jobclass', { name: 'jobclass', type: 'Enum', values: ['snapshot', 'dedup', 'DirectOnVault', 'OnVault'] }]]), sortable: new Set<string>() };
    },
    async listBuilt(_resource: string, spec: ListSpec) {
      calls.push(`GET offset=${spec.offset}`);
      const from = spec.offset ?? 0;
      const n = Math.max(0, Math.min(spec.limit ?? 0, total - from));
      return { items: Array.from({ length: n }, (_, i) => ({ consoleId: String(from + i + 1) })) };
    },
    async count() {
      calls.push('HEAD');
      return total;
    },
  };
  return { source: source as unknown as BackupDrSource, calls };
}

describe('a console capture-job window', () => {
  it('reads ⌊J/1000⌋ + 1 pages, no count, for a window of up to ten pages', async () => {
    const { source, calls } = consoleWith(4810);
    expect(await finishedCapturesSince(source, new Date())).toHaveLength(4810);
    expect(calls).toEqual(['GET offset=0', 'GET offset=1000', 'GET offset=2000', 'GET offset=3000', 'GET offset=4000']);
  });

  it('asks the count once past ten pages and reads on when it fits', async () => {
    const { source, calls } = consoleWith(12_000);
    expect(await finishedCapturesSince(source, new Date())).toHaveLength(12_000);
    expect(calls.filter((c) => c === 'HEAD')).toHaveLength(1);
    expect(calls.indexOf('HEAD')).toBe(COUNT_CHECK_AFTER_PAGES);
    expect(calls.filter((c) => c !== 'HEAD')).toHaveLength(13);
  });

  it('refuses a window over 50 pages with QUERY_TOO_COMPLEX after ten pages, not fifty', async () => {
    const { source, calls } = consoleWith((MAX_WALK_PAGES + 5) * WALK_PAGE_SIZE);
    await expect(finishedCapturesSince(source, new Date())).rejects.toMatchObject({ code: ErrorCode.QUERY_TOO_COMPLEX });
    expect(calls).toHaveLength(COUNT_CHECK_AFTER_PAGES + 1);
  });

  it('stops at 50 pages when the console\'s estimate was too low', async () => {
    const { source, calls } = consoleWith((MAX_WALK_PAGES + 5) * WALK_PAGE_SIZE);
    (source as unknown as { count(): Promise<number> }).count = async () => {
      calls.push('HEAD');
      return 1000;
    };
    await expect(finishedCapturesSince(source, new Date())).rejects.toMatchObject({ code: ErrorCode.QUERY_TOO_COMPLEX });
    expect(calls.filter((c) => c !== 'HEAD')).toHaveLength(MAX_WALK_PAGES);
  });
});

/** A console whose `/jobstatus` holds, per application, `jobs` capture jobs newest first; records each call's applications and limit. */
function consoleOfJobs(jobs: Record<string, Array<'succeeded' | 'failed'>>) {
  const calls: Array<{ apps: string[]; limit: number }> = [];
  const all = Object.entries(jobs).flatMap(([app, statuses]) =>
    statuses.map((status, i) => ({ consoleId: `${app}-${i}`, applicationId: app, jobType: 'snapshot', status: status === 'succeeded' ? 'COMPLETED' : 'FAILED', startedAt: new Date(Date.UTC(2026, 0, 1) - i * 3_600_000) })),
  );
  const source = {
    instanceId: 'bdr-test',
    async metadata() {
      return { filterable: new Map([['jobclass', { name: 'jobclass', type: 'Enum', values: ['snapshot'] }]]), sortable: new Set<string>() };
    },
    async listBuilt(_resource: string, spec: ListSpec) {
      const apps = (spec.conditions ?? []).filter((c) => c.field === 'appid').map((c) => c.value);
      calls.push({ apps, limit: spec.limit ?? 0 });
      const items = all.filter((j) => apps.includes(j.applicationId)).sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime());
      return { items: items.slice(0, spec.limit) };
    },
  };
  return { source: source as unknown as BackupDrSource, calls };
}

describe('console backup facts of many applications', () => {
  const failing = (n: number) => Array<'failed'>(n).fill('failed');

  it('answers every application from one union when the page is short', async () => {
    const { source, calls } = consoleOfJobs({ a: ['succeeded'], b: ['failed', 'succeeded'], c: [] });
    const facts = await captureFacts(source, ['a', 'b', 'c']);
    expect(calls).toEqual([{ apps: ['a', 'b', 'c'], limit: WALK_PAGE_SIZE }]);
    expect(facts.get('b')!.lastJobStatus).toBe('FAILED');
    expect(facts.get('b')!.lastSuccessfulBackupAt).toEqual(new Date(Date.UTC(2026, 0, 1) - 3_600_000));
    expect(facts.get('c')).toEqual({ lastSuccessfulBackupAt: null, lastJob: null, lastJobStatus: null });
  });

  it('asks a second union for the applications without a success on a full page, then one call each', async () => {
    // `a` and `b` share the first page; `a` has successes on it, `b` and `c` none. Their own union is full of
    // `b`'s failures too, so each takes its own call of its newest 200 jobs.
    const { source, calls } = consoleOfJobs({ a: Array<'succeeded'>(WALK_PAGE_SIZE).fill('succeeded'), b: [...failing(WALK_PAGE_SIZE), 'succeeded'], c: ['failed'] });
    const facts = await captureFacts(source, ['a', 'b', 'c']);
    expect(calls.map((c) => [c.apps, c.limit])).toEqual([
      [['a', 'b', 'c'], WALK_PAGE_SIZE],
      [['b', 'c'], WALK_PAGE_SIZE],
      [['b'], APPLICATION_HISTORY_LIMIT],
      [['c'], APPLICATION_HISTORY_LIMIT],
    ]);
    expect(facts.get('a')!.lastSuccessfulBackupAt).toEqual(new Date(Date.UTC(2026, 0, 1)));
    expect(facts.get('c')!.lastJobStatus).toBe('FAILED');
    // `b`'s only success is older than its newest 200 jobs: the per-application bound, as for a Commvault client.
    expect(facts.get('b')!.lastSuccessfulBackupAt).toBeNull();
    expect(facts.get('b')!.lastJobStatus).toBe('FAILED');
  });
});
