import type { LiveJob, LiveJobRead } from './live-job.js';
import { Channel } from './channel.js';
import { countInMetrics } from './metrics.js';
import { hasEnded, PollLoop, type JobEvent, type PollTiming } from './poll-loop.js';

/** A running poll of one job, however it is driven (here, or by the replica holding the Redis lease). */
export interface PollDriver {
  stop(): void;
}

/**
 * Starts the poll of one job: `read` reads it fresh, `emit` takes each event (the ending one last).
 * Local by default; with Redis, `LeasedPolls` (redis-lease.ts) lets one replica poll and the others relay.
 */
export type StartPoll = (key: string, read: () => Promise<LiveJob | null>, emit: (event: JobEvent) => void) => PollDriver;

/** One job's poll and everyone in this replica who follows it. */
interface Feed {
  readonly subscribers: Set<Channel<JobEvent>>;
  /** The latest event, handed to a subscriber that joins later, so it starts where the others are. */
  last?: JobEvent;
  driver?: PollDriver;
}

/** The poll key: the upstream, the identity its reads run as, and the job (docs/architecture.md "Keys carry identity"). */
export function pollKey(read: LiveJobRead, jobKey: string): string {
  return JSON.stringify([read.source.instanceId, read.source.identity, jobKey]);
}

/**
 * ONE upstream poll per job for every subscriber of this replica. The key carries the upstream identity
 * the reads run as, as cache keys do: two callers whose upstream rights differ never share a poll's
 * results, while every caller on the same service account shares one. The poll starts with the first
 * subscriber and stops when the last one leaves or the job ends.
 */
export class JobPollRegistry {
  private readonly feeds = new Map<string, Feed>();
  private readonly startPoll: StartPoll;
  private readonly uncount: () => void;

  constructor(timing: PollTiming, startPoll?: StartPoll) {
    this.uncount = countInMetrics(this);
    this.startPoll =
      startPoll ??
      ((_key, read, emit) => {
        const loop = new PollLoop(read, timing, emit);
        loop.start();
        return loop;
      });
  }

  /** The events of one job: its state now, each change, the ending state, then the end of the stream. */
  watch(key: string, read: () => Promise<LiveJob | null>): AsyncIterableIterator<JobEvent> {
    let feed = this.feeds.get(key);
    const isNew = !feed;
    if (!feed) this.feeds.set(key, (feed = { subscribers: new Set() }));
    const own = feed;
    const channel: Channel<JobEvent> = new Channel(() => this.leave(key, own, channel));
    own.subscribers.add(channel);
    if (own.last) channel.push(own.last);
    if (isNew) own.driver = this.startPoll(key, read, (event) => this.deliver(key, own, event));
    return channel;
  }

  /** Jobs polled (or relayed) by this replica right now. */
  get activeJobs(): number {
    return this.feeds.size;
  }

  /** Subscribers of this replica right now. */
  get subscribers(): number {
    let n = 0;
    for (const feed of this.feeds.values()) n += feed.subscribers.size;
    return n;
  }

  /** Stops every poll and ends every stream (at shutdown). */
  close(): void {
    this.uncount();
    for (const [key, feed] of this.feeds) {
      for (const s of feed.subscribers) s.end();
      this.drop(key, feed);
    }
  }

  private deliver(key: string, feed: Feed, event: JobEvent): void {
    feed.last = event;
    const last = event.kind === 'failed' || hasEnded(event.state);
    for (const s of feed.subscribers) {
      s.push(event);
      if (last) s.end();
    }
    if (last) this.drop(key, feed);
  }

  private leave(key: string, feed: Feed, channel: Channel<JobEvent>): void {
    feed.subscribers.delete(channel);
    if (feed.subscribers.size === 0) this.drop(key, feed);
  }

  private drop(key: string, feed: Feed): void {
    feed.driver?.stop();
    if (this.feeds.get(key) === feed) this.feeds.delete(key);
  }
}
