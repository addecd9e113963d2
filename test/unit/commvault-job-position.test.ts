import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { commvaultJobPosition, jobPositionOfRaw, jobSummaries, toJob, toJobPage } from '../../src/datasources/commvault/mappers/job.js';
import { JobsByIndex, toJobsByIndex } from '../../src/datasources/commvault/mappers/jobs-by-index.js';
import type { CvJob } from '../../src/datasources/commvault/model.js';
import { MappedOnce } from '../../src/datasources/mapped-once.js';
import { deepFreeze } from '../../src/datasources/pipeline/freeze.js';
import { upstreamRef } from '../../src/datasources/record.js';
import { parseJsonBytes } from '../../src/datasources/pipeline/json-bytes.js';
import { JsonPieces } from '../../src/datasources/pipeline/json-pieces.js';
import { startCommvaultSimulator, type CommvaultSimulator } from '../../simulators/commvault/index.js';

const upstream = upstreamRef('cv-raw', 'COMMVAULT');

/** The place of a raw job as the mapped job gives it: what the raw reader must equal. */
const mappedPosition = (raw: unknown) => {
  const job = toJob(raw, upstream);
  return job && commvaultJobPosition(job, upstream.id);
};

/** Every job of the simulator's seeded estate, as `GET /Job` answers it (pages of 1000, every job type). */
async function seededJobLists(sim: CommvaultSimulator): Promise<unknown[]> {
  const login = await fetch(`${sim.url}/Login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ username: 'admin', password: Buffer.from('admin').toString('base64') }),
  });
  const token = ((await login.json()) as { token: string }).token;
  const pages: unknown[] = [];
  for (let offset = 0, total = 1; offset < total; offset += 1000) {
    const res = await fetch(`${sim.url}/Job?jobFilter=`, { headers: { accept: 'application/json', authtoken: token, limit: '1000', offset: String(offset) } });
    const body = (await res.json()) as { totalRecordsWithoutPaging: number };
    total = body.totalRecordsWithoutPaging;
    pages.push(body);
  }
  return pages;
}

/** Job lists in the shapes Commvault's versions send (docs/upstreams/commvault.md §8), each job with its quirk. */
const QUIRKY = {
  totalRecordsWithoutPaging: '9',
  jobs: [
    { jobSummary: { jobId: 11, jobStartTime: 1_767_313_436 } },
    { jobSummary: { JOBID: '12', JobStartTime: '1767313437' } },
    { jobId: ' 13 ', jobStartTime: 1_767_313_436.75 },
    { jobSummary: { jobId: 14, jobStartTime: 0 } },
    { jobSummary: { jobId: 15, jobStartTime: -999 } },
    { jobSummary: { jobId: '16.9', jobStartTime: '' } },
    { jobSummary: { jobId: 17, jobStartTime: 1e300 } },
    { jobSummary: { jobid: 18 } },
    { jobSummary: { jobStartTime: 1_767_313_436 } },
    { jobSummary: { jobId: 'n/a', jobStartTime: 1_767_313_436 } },
    { jobSummary: { jobId: null } },
    'not a job',
  ],
};

/** Whether a list kept as bytes has parsed item i (its `at` memo), without parsing it. */
const isParsed = (pieces: JsonPieces, i: number): boolean => {
  const spy = { called: false };
  const original = JSON.parse;
  JSON.parse = ((...args: Parameters<typeof JSON.parse>) => ((spy.called = true), original(...args))) as typeof JSON.parse;
  try {
    pieces.at(i);
  } finally {
    JSON.parse = original;
  }
  return !spy.called;
};

describe('a Commvault job\'s place read from the raw answer', () => {
  let sim: CommvaultSimulator;
  let seeded: unknown[];

  beforeAll(async () => {
    sim = await startCommvaultSimulator({ port: 0, seed: 7 });
    seeded = await seededJobLists(sim);
  }, 60_000);

  afterAll(async () => {
    await sim?.close();
  });

  it('equals the place of the mapped job for every seeded job of the simulator', () => {
    const raws = seeded.flatMap(jobSummaries);
    expect(raws.length).toBeGreaterThan(1000);
    for (const raw of raws) expect(jobPositionOfRaw(raw, upstream)).toEqual(mappedPosition(raw));
  });

  it('equals it for the quirky shapes too, and is null exactly where the mapper skips the job', () => {
    const raws = jobSummaries(QUIRKY);
    for (const raw of raws) expect(jobPositionOfRaw(raw, upstream)).toEqual(mappedPosition(raw));
    expect(raws.map((raw) => jobPositionOfRaw(raw, upstream)?.id ?? null)).toEqual(['11', '12', '13', '14', '15', '16', '17', '18', null, null, null, null]);
    expect(jobPositionOfRaw(raws[0], upstream)).toEqual({ at: 1_767_313_436_000, upstream: 'cv-raw', id: '11' });
    expect(jobPositionOfRaw(raws[3], upstream)?.at).toBeNull();
  });

  it('pages as the mapped answer does: the same jobs, places, length and total, each job mapped once', () => {
    for (const body of [...seeded, QUIRKY, {}, { jobs: { jobSummary: { jobId: 5 } } }]) {
      const mapped = toJobPage(body, upstream);
      const byIndex = new JobsByIndex(body, upstream);
      expect({ length: byIndex.length, total: byIndex.total }).toEqual({ length: mapped.items.length, total: mapped.total });
      mapped.items.forEach((job, i) => {
        expect(byIndex.positionAt(i)).toEqual(commvaultJobPosition(job, upstream.id));
        expect(byIndex.itemAt(i)).toEqual(job);
        expect(byIndex.itemAt(i)).toBe(byIndex.itemAt(i));
      });
    }
  });

  it('pages as the mapped answer does when the job list came as bytes, parsing only the jobs it maps', () => {
    const bodies = [...seeded, QUIRKY, { jobs: [{ jobSummary: null, jobId: 21, jobStartTime: 5 }, { jobSummary: { jobId: 22 }, jobId: 23 }, 7, null] }];
    for (const parsed of bodies) {
      const lazy = parseJsonBytes(Buffer.from(JSON.stringify(parsed)), { whole: 0, piece: 16, lazyLists: new Set(['jobs']) }) as { jobs: unknown };
      expect(lazy.jobs).toBeInstanceOf(JsonPieces);
      const pieces = lazy.jobs as JsonPieces;
      const mapped = toJobPage(parsed, upstream);
      const byIndex = new JobsByIndex(lazy, upstream);
      // `more` and `total` first, then `length`: each as the mapped page tells it, whatever was read before.
      const fresh = new JobsByIndex(lazy, upstream);
      expect({ more: fresh.more, total: fresh.total, length: fresh.length }).toEqual({ more: mapped.total > mapped.items.length, total: mapped.total, length: mapped.items.length });
      expect({ length: byIndex.length, total: byIndex.total }).toEqual({ length: mapped.items.length, total: mapped.total });
      expect([byIndex.has(0), byIndex.has(mapped.items.length - 1), byIndex.has(mapped.items.length)]).toEqual([mapped.items.length > 0, mapped.items.length > 0, false]);
      // Every place is read before any job is mapped: the bytes answer, no job is parsed.
      const parsedBefore = Array.from({ length: pieces.length }, (_, i) => i);
      mapped.items.forEach((job, i) => expect(byIndex.positionAt(i)).toEqual(commvaultJobPosition(job, upstream.id)));
      expect(parsedBefore.every((i) => !isParsed(pieces, i))).toBe(true);
      mapped.items.forEach((job, i) => expect(byIndex.itemAt(i)).toEqual(job));
    }
  });

  it('reads the ids of a list kept as bytes only as far as the merge asks, and its total and `more` from the stated total', () => {
    const page = seeded[0] as { totalRecordsWithoutPaging: number; jobs: unknown[] };
    expect(page.jobs.length).toBe(1000);
    expect(page.totalRecordsWithoutPaging).toBeGreaterThan(1000);
    const lazy = parseJsonBytes(Buffer.from(JSON.stringify(page)), { lazyLists: new Set(['jobs']) });
    const reads = vi.spyOn(JsonPieces.prototype, 'itemFields');
    try {
      const byIndex = new JobsByIndex(lazy, upstream);
      expect(reads).not.toHaveBeenCalled();
      expect(byIndex.has(4)).toBe(true);
      for (let i = 0; i < 5; i++) expect(byIndex.positionAt(i)).toEqual(mappedPosition(jobSummaries(page)[i]));
      expect({ more: byIndex.more, total: byIndex.total }).toEqual({ more: true, total: page.totalRecordsWithoutPaging });
      // Five jobs' ids and start times, one walk each: not the thousand jobs'.
      expect(reads).toHaveBeenCalledTimes(5);
      expect(byIndex.length).toBe(1000);
      expect(reads).toHaveBeenCalledTimes(1000);
    } finally {
      reads.mockRestore();
    }
  });

  it('maps the jobs of a frozen, shared answer without writing to it, once however often it is read', () => {
    const answer = deepFreeze(structuredClone(QUIRKY));
    const once = new MappedOnce();
    const first = once.map(answer, toJobsByIndex, upstream);
    expect(once.map(answer, toJobsByIndex, upstream)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    const job = first.itemAt(1) as CvJob;
    expect(job.jobId).toBe(12);
    expect(Object.isFrozen(job)).toBe(true);
    expect(first.itemAt(1)).toBe(job);
  });
});
