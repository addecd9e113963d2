import { describe, expect, it } from 'vitest';
import { comesAfter, compareJobPositions, jobTime, type JobPosition } from '../../src/paging/job-order.js';

const at = (iso: string) => Date.parse(iso);
const pos = (time: string | null, upstream: string, id: string): JobPosition => ({ at: time === null ? null : at(time), upstream, id });
const sorted = (list: JobPosition[]) => [...list].sort(compareJobPositions);

describe('the unified job order', () => {
  it('takes the start time, and the queue time of a job that has not started', () => {
    expect(jobTime(new Date('2026-01-02T10:00:00Z'), new Date('2026-01-02T09:00:00Z'))).toBe(at('2026-01-02T10:00:00Z'));
    expect(jobTime(null, new Date('2026-01-02T09:00:00Z'))).toBe(at('2026-01-02T09:00:00Z'));
    expect(jobTime(null, null)).toBeNull();
    expect(jobTime(null)).toBeNull();
  });

  it('puts a queued job among the jobs started around its queue time, not ahead of all of them', () => {
    const startedRecently = pos('2026-01-02T10:05:00Z', 'cv-a', '7');
    const queuedEarlier = { at: jobTime(null, new Date('2026-01-02T10:00:00Z')), upstream: 'bdr-a', id: '90' };
    const startedBefore = pos('2026-01-02T09:55:00Z', 'cv-a', '6');
    expect(sorted([startedBefore, queuedEarlier, startedRecently])).toEqual([startedRecently, queuedEarlier, startedBefore]);
  });

  it('goes newest first, then upstream id ascending, then job id descending', () => {
    const t = '2026-01-01T00:00:00Z';
    const list = [pos(t, 'cv-b', '5'), pos('2026-01-01T00:00:01Z', 'cv-a', '1'), pos(t, 'cv-a', '3'), pos(t, 'cv-b', '12')];
    expect(sorted(list).map((p) => `${p.upstream}/${p.id}`)).toEqual(['cv-a/1', 'cv-a/3', 'cv-b/12', 'cv-b/5']);
  });

  it('compares numeric job ids as numbers of any length, other ids as text', () => {
    const same = (id: string) => pos('2026-01-01T00:00:00Z', 'u', id);
    expect(sorted([same('9'), same('10'), same('123456789012345678901')]).map((p) => p.id)).toEqual(['123456789012345678901', '10', '9']);
    expect(sorted([same('a'), same('b')]).map((p) => p.id)).toEqual(['b', 'a']);
  });

  it('sorts a job with no time at all first', () => {
    expect(sorted([pos('2026-01-01T00:00:00Z', 'a', '1'), pos(null, 'z', '1')])[0]).toEqual(pos(null, 'z', '1'));
  });

  it('gives every job its own place: only the same job compares equal', () => {
    expect(compareJobPositions(pos('2026-01-01T00:00:00Z', 'a', '1'), pos('2026-01-01T00:00:00Z', 'a', '1'))).toBe(0);
    expect(compareJobPositions(pos('2026-01-01T00:00:00Z', 'a', '1'), pos('2026-01-01T00:00:00Z', 'b', '1'))).not.toBe(0);
  });

  it('says which jobs follow a place, all of them from the start', () => {
    const place = pos('2026-01-01T00:00:00Z', 'cv-a', '3');
    expect(comesAfter(pos('2026-01-01T00:00:00Z', 'cv-a', '2'), place)).toBe(true);
    expect(comesAfter(pos('2026-01-01T00:00:00Z', 'cv-a', '3'), place)).toBe(false);
    expect(comesAfter(pos('2026-01-01T00:00:01Z', 'cv-z', '1'), place)).toBe(false);
    expect(comesAfter(pos('2026-01-01T00:00:01Z', 'cv-z', '1'), null)).toBe(true);
  });
});
