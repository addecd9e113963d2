import { ErrorCode } from '../errors/codes.js';
import { GatewayError, isGatewayError, notFound } from '../errors/gateway-error.js';
import { JobStatus } from '../datasources/domain.js';
import type { LiveJob } from './live-job.js';

/** What one subscriber is sent: the job's state, or why its stream ends. */
export type JobEvent = { readonly kind: 'state'; readonly state: LiveJob } | { readonly kind: 'failed'; readonly error: GatewayError };

/** How often a job is read (`subscriptions.poll` in the config). */
export interface PollTiming {
  /** The floor: no job is read more often, whatever it does. */
  minIntervalMs: number;
  /** The ceiling a quiet job's interval grows to (and a short bucket's backoff stops at). */
  maxIntervalMs: number;
  /** A job that started less than this ago is read at the floor: young jobs change fastest. */
  youngJobMs: number;
  /** Reads failing in a row (other than RATE_LIMITED) before the stream ends with the last error. */
  maxFailures: number;
}

/** Statuses after which a job changes no more: its last event is sent and the stream completes. */
const ENDED: ReadonlySet<JobStatus> = new Set([JobStatus.COMPLETED, JobStatus.COMPLETED_WITH_ERRORS, JobStatus.FAILED, JobStatus.KILLED]);

export function hasEnded(state: LiveJob): boolean {
  return ENDED.has(state.job.status);
}

/** Whether a subscriber would see a difference: status or progress moved. */
export function changed(before: LiveJob | undefined, after: LiveJob): boolean {
  return !before || before.job.status !== after.job.status || before.percentComplete !== after.percentComplete;
}

/**
 * The interval before the next read: the floor while the job is young or just moved; then it doubles with
 * each read that saw no change, up to the ceiling. A moving job is followed closely, a job stuck waiting
 * for a tape drive costs a read every `maxIntervalMs`.
 */
export function nextInterval(timing: PollTiming, state: LiveJob, quietReads: number, nowMs: number): number {
  const started = state.job.startedAt?.getTime();
  const young = started !== undefined && nowMs - started < timing.youngJobMs;
  if (young || quietReads === 0) return timing.minIntervalMs;
  return Math.min(timing.maxIntervalMs, timing.minIntervalMs * 2 ** quietReads);
}

/**
 * Reads one job over and over on an adaptive timer and hands each event to `emit`: a state when it
 * changed (the first always), the ending state last, or a failure (unknown job: NOT_FOUND; too many
 * failed reads in a row: the last error). A short read bucket (RATE_LIMITED) slows the loop down
 * instead of ending it. Stops by itself after the last event, or when `stop()` is called.
 */
export class PollLoop {
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private last?: LiveJob;
  private quietReads = 0;
  private failures = 0;
  private backoffMs = 0;

  constructor(
    private readonly read: () => Promise<LiveJob | null>,
    private readonly timing: PollTiming,
    private readonly emit: (event: JobEvent) => void,
    /** The state already known (a takeover keeps what the previous poller sent), so an unchanged job is not sent again. */
    known?: LiveJob,
  ) {
    this.last = known;
  }

  start(): void {
    void this.tick();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  get running(): boolean {
    return !this.stopped;
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    let delay: number;
    try {
      const state = await this.read();
      if (this.stopped) return;
      this.failures = 0;
      this.backoffMs = 0;
      if (!state) {
        this.finish({ kind: 'failed', error: notFound('No job has this id (or it is not yours to see)') });
        return;
      }
      const moved = changed(this.last, state);
      this.quietReads = moved ? 0 : this.quietReads + 1;
      this.last = state;
      if (hasEnded(state)) {
        this.finish({ kind: 'state', state });
        return;
      }
      if (moved) this.emit({ kind: 'state', state });
      delay = nextInterval(this.timing, state, this.quietReads, Date.now());
    } catch (error) {
      if (this.stopped) return;
      const gatewayError = isGatewayError(error) ? error : new GatewayError(ErrorCode.UPSTREAM_ERROR, 'The job could not be read', { cause: error });
      if (gatewayError.code === ErrorCode.RATE_LIMITED) {
        // The read bucket is short: wait longer each time, never less than the upstream asks.
        this.backoffMs = Math.min(this.timing.maxIntervalMs, Math.max(this.backoffMs * 2, this.timing.minIntervalMs * 2, gatewayError.retryAfterMs ?? 0));
        delay = this.backoffMs;
      } else if (++this.failures >= this.timing.maxFailures) {
        this.finish({ kind: 'failed', error: gatewayError });
        return;
      } else {
        delay = Math.min(this.timing.maxIntervalMs, this.timing.minIntervalMs * 2 ** this.failures);
      }
    }
    this.timer = setTimeout(() => void this.tick(), delay);
  }

  private finish(event: JobEvent): void {
    this.stopped = true;
    this.emit(event);
  }
}
