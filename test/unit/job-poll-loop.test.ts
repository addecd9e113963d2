import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JobStatus } from '../../src/datasources/domain.js';
import { ErrorCode } from '../../src/errors/codes.js';
import { GatewayError } from '../../src/errors/gateway-error.js';
import { JobPollRegistry } from '../../src/subscriptions/job-poller.js';
import type { LiveJob } from '../../src/subscriptions/live-job.js';
import { nextInterval, PollLoop, type JobEvent } from '../../src/subscriptions/poll-loop.js';

const TIMING = { minIntervalMs: 1_000, maxIntervalMs: 8_000, youngJobMs: 60_000, maxFailures: 3 };
const state = (status: JobStatus, percent: number | null, startedAt: Date | null = null): LiveJob => ({ job: { status, startedAt } as never, percentComplete: percent });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the poll interval', () => {
  it('stays at the floor while the job is young or moved at the last read, then doubles per quiet read up to the ceiling', () => {
    const now = Date.parse('2026-12-05T12:00:00Z');
    const old = state(JobStatus.RUNNING, 5, new Date(now - 3_600_000));
    const young = state(JobStatus.RUNNING, 5, new Date(now - 10_000));
    expect(nextInterval(TIMING, young, 5, now)).toBe(1_000);
    expect([0, 1, 2, 3, 4].map((quiet) => nextInterval(TIMING, old, quiet, now))).toEqual([1_000, 2_000, 4_000, 8_000, 8_000]);
  });
});

describe('PollLoop', () => {
  /** Runs a loop over the given answers (an Error is thrown), returning the events and read times. */
  function run(answers: Array<LiveJob | null | Error>) {
    const events: JobEvent[] = [];
    const readsAt: number[] = [];
    let i = 0;
    const loop = new PollLoop(
      async () => {
        readsAt.push(Date.now());
        const answer = answers[Math.min(i++, answers.length - 1)];
        if (answer instanceof Error) throw answer;
        return answer;
      },
      TIMING,
      (e) => events.push(e),
    );
    loop.start();
    return { loop, events, readsAt };
  }

  it('sends the first state and each change only, the ending state last, then stops reading', async () => {
    const { loop, events, readsAt } = run([state(JobStatus.RUNNING, 10), state(JobStatus.RUNNING, 10), state(JobStatus.RUNNING, 40), state(JobStatus.COMPLETED, 100)]);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(events.map((e) => (e.kind === 'state' ? `${e.state.job.status}:${e.state.percentComplete}` : e.kind))).toEqual(['RUNNING:10', 'RUNNING:40', 'COMPLETED:100']);
    expect(readsAt).toHaveLength(4);
    expect(loop.running).toBe(false);
  });

  it('slows down while the read bucket is short, never failing the subscribers', async () => {
    const limited = new GatewayError(ErrorCode.RATE_LIMITED, 'bucket empty', { retryAfterMs: 500 });
    const { events, readsAt } = run([state(JobStatus.RUNNING, 1), limited, limited, limited, limited, limited, state(JobStatus.RUNNING, 2)]);
    await vi.advanceTimersByTimeAsync(40_000);
    const gaps = readsAt.slice(1).map((t, i) => t - readsAt[i]);
    // Floor after the first read, then 2, 4, 8, 8, 8 s while refused: slower, up to the ceiling.
    expect(gaps.slice(0, 6)).toEqual([1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
    expect(events.every((e) => e.kind === 'state')).toBe(true);
    expect(events).toHaveLength(2);
  });

  it('ends with the error after maxFailures other failed reads in a row, and with NOT_FOUND for an unknown job', async () => {
    const down = new GatewayError(ErrorCode.UPSTREAM_UNAVAILABLE, 'down');
    const failing = run([state(JobStatus.RUNNING, 1), down]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(failing.events.map((e) => (e.kind === 'failed' ? e.error.code : 'state'))).toEqual(['state', ErrorCode.UPSTREAM_UNAVAILABLE]);
    expect(failing.readsAt).toHaveLength(1 + TIMING.maxFailures);

    const unknown = run([null]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(unknown.events.map((e) => (e.kind === 'failed' ? e.error.code : 'state'))).toEqual([ErrorCode.NOT_FOUND]);
    expect(unknown.readsAt).toHaveLength(1);
  });
});

describe('JobPollRegistry', () => {
  it('reads once per key for every subscriber, hands a late subscriber the latest state, and stops with the last one', async () => {
    const registry = new JobPollRegistry(TIMING);
    let reads = 0;
    let percent = 0;
    const read = async () => (reads++, state(JobStatus.RUNNING, (percent += 10)));
    const a = registry.watch('k', read);
    const b = registry.watch('k', read);
    expect((await a.next()).value).toMatchObject({ kind: 'state', state: { percentComplete: 10 } });
    expect((await b.next()).value).toMatchObject({ kind: 'state', state: { percentComplete: 10 } });
    const late = registry.watch('k', read);
    expect((await late.next()).value).toMatchObject({ kind: 'state', state: { percentComplete: 10 } });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(reads).toBe(2);
    expect(registry.activeJobs).toBe(1);
    const other = registry.watch('another identity, same job', read);
    await vi.advanceTimersByTimeAsync(0);
    expect(reads).toBe(3);
    for (const it of [a, b, late, other]) await it.return?.();
    expect(registry.activeJobs).toBe(0);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(reads).toBe(3);
  });
});
