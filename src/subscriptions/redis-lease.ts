import { randomUUID } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import { duplicateRedisClient, type RedisClient } from '../cache/redis-connection.js';
import type { Logger } from 'pino';
import { GatewayError } from '../errors/gateway-error.js';
import type { ErrorCode } from '../errors/codes.js';
import { sha256Hex } from '../util/sha256.js';
import type { PollDriver, StartPoll } from './job-poller.js';
import type { LiveJob } from './live-job.js';
import { changed, PollLoop, type JobEvent, type PollTiming } from './poll-loop.js';

/** Renews the lease when its holder still has it (compare and extend). */
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
/** Gives the lease up only if this holder still has it. */
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export interface LeasedPollsOptions {
  /** The shared-layers client (commands; a single Redis or a Cluster); a duplicate of it is made for the channel subscriptions. */
  redis: RedisClient;
  timing: PollTiming;
  /** How long a lease lives without renewal: a dead holder's job is taken over within about this. */
  leaseMs: number;
  logger: Logger;
  /** @default 'bg:jobpoll:' */
  keyPrefix?: string;
}

/** An event as it crosses Redis: v8-serialised (Dates of the records kept), errors by their public parts. */
type WireEvent = { kind: 'state'; state: LiveJob } | { kind: 'failed'; error: { code: ErrorCode; message: string; retryAfterMs?: number; upstream?: { instance: string; status?: number } } };
/**
 * Who published an event and its number among that holder's events. A follower reads the kept state
 * (GET) and the channel on two connections, whose answers Redis does not order against each other: a
 * message published before the kept state was written can arrive after it. The numbers let it drop
 * such a message instead of showing the job's progress going back.
 */
type Stamp = { from?: string; seq?: number };
/** Sent by a holder that stops polling while the job still runs (its last subscriber left, or it shuts down). */
const RELEASED = serialize({ kind: 'released' });

/**
 * One poll per job across replicas: the replica holding the job's lease in Redis
 * (`SET <prefix>lease:<sha256(key)> <holder> NX PX leaseMs`, renewed every leaseMs/3) polls it and
 * publishes each event on `<prefix>events:<sha256(key)>` (the latest also kept under `state:`, so a
 * replica joining later starts where the others are); every other replica with subscribers of the job
 * subscribes to that channel and relays. Each follower tries the lease every leaseMs/2, and at once when
 * the holder announces it stopped while the job runs (its last subscriber left, or it shuts down: it
 * gives the lease up); a holder that dies just lets the lease expire. Either way one of them takes the
 * poll over, starting from the state it last relayed. The key is the registry's, so it
 * carries the upstream identity: callers with different upstream rights never share a channel.
 *
 * If Redis fails, a replica polls for its own subscribers rather than leave them without events.
 */
export class LeasedPolls {
  private readonly prefix: string;
  private readonly drivers = new Map<string, LeasedPoll>();
  private subscriber?: RedisClient;
  private subscriberReady?: Promise<RedisClient>;

  constructor(private readonly options: LeasedPollsOptions) {
    this.prefix = options.keyPrefix ?? 'bg:jobpoll:';
  }

  readonly start: StartPoll = (key, read, emit) => {
    const hash = sha256Hex(key);
    const poll = new LeasedPoll(this, hash, read, emit);
    this.drivers.set(this.channelOf(hash), poll);
    poll.begin();
    return poll;
  };

  /** Closes the channel connection (at shutdown, after the registry stopped every poll). */
  async close(): Promise<void> {
    const sub = this.subscriber;
    this.subscriber = undefined;
    this.subscriberReady = undefined;
    if (sub) await sub.quit().catch(() => sub.disconnect());
  }

  // ── for LeasedPoll ──────────────────────────────────────────────────────────────────────────

  get redis(): RedisClient {
    return this.options.redis;
  }

  get settings(): LeasedPollsOptions {
    return this.options;
  }

  leaseKey(hash: string): string {
    return `${this.prefix}lease:${hash}`;
  }

  stateKey(hash: string): string {
    return `${this.prefix}state:${hash}`;
  }

  channelOf(hash: string): string {
    return `${this.prefix}events:${hash}`;
  }

  async listen(hash: string): Promise<void> {
    const sub = await this.channelConnection();
    await sub.subscribe(this.channelOf(hash));
  }

  async unlisten(hash: string, poll: LeasedPoll): Promise<void> {
    const channel = this.channelOf(hash);
    if (this.drivers.get(channel) === poll) this.drivers.delete(channel);
    else return; // a newer poll of the same job took the channel over
    await this.subscriber?.unsubscribe(channel).catch(() => {});
  }

  private channelConnection(): Promise<RedisClient> {
    this.subscriberReady ??= (async () => {
      // A subscribed connection takes no other command: the channels get a connection of their own.
      const { redis } = this.options;
      const sub: RedisClient = duplicateRedisClient(redis, 'backup-graph-jobpoll');
      sub.on('error', (error: Error) => this.options.logger.debug({ err: error }, 'redis job-poll channel error'));
      sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.drivers.get(channel.toString())?.relay(message));
      this.subscriber = sub;
      if (sub.status === 'wait') await sub.connect();
      else if (sub.status !== 'ready') await new Promise((resolve, reject) => sub.once('ready', resolve).once('end', () => reject(new Error('redis channel connection ended'))));
      return sub;
    })();
    return this.subscriberReady;
  }
}

/** One job's poll in one replica: the lease holder's loop, or a relay of the holder's channel. */
class LeasedPoll implements PollDriver {
  private readonly holder = `${randomUUID()}`;
  /** Events this replica published as holder (Stamp.seq). */
  private published = 0;
  /** The highest Stamp.seq relayed from each holder. */
  private readonly relayedSeq = new Map<string, number>();
  private loop?: PollLoop;
  private renewTimer?: NodeJS.Timeout;
  private claimTimer?: NodeJS.Timeout;
  private last?: LiveJob;
  private stopped = false;
  /** The poll sent its last event: nobody needs to take it over. */
  private ended = false;

  constructor(
    private readonly polls: LeasedPolls,
    private readonly hash: string,
    private readonly read: () => Promise<LiveJob | null>,
    private readonly emit: (event: JobEvent) => void,
  ) {}

  begin(): void {
    void (async () => {
      try {
        await this.polls.listen(this.hash);
        if (this.stopped) return;
        if (await this.claim()) return;
        const kept = await this.polls.redis.getBuffer(this.polls.stateKey(this.hash));
        if (kept) this.relay(kept);
      } catch (error) {
        this.polls.settings.logger.warn({ err: error }, 'redis unavailable for a job poll: polling here');
        this.lead();
        return;
      }
      this.scheduleClaim();
    })();
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.claimTimer);
    clearInterval(this.renewTimer);
    const led = this.loop !== undefined;
    this.loop?.stop();
    void (async () => {
      if (led) {
        await this.polls.redis.eval(RELEASE, 1, this.polls.leaseKey(this.hash), this.holder).catch(() => {});
        // Given up while the job runs, and said so: a follower claims at once, not at its next try (leaseMs/2 later).
        if (!this.ended) await this.polls.redis.publish(this.polls.channelOf(this.hash), RELEASED).catch(() => {});
      }
      await this.polls.unlisten(this.hash, this);
    })();
  }

  /** An event from the holder's channel (or the kept state): handed on unless it repeats the last one. */
  relay(message: Buffer): void {
    if (this.stopped || this.loop) return;
    let event: JobEvent;
    try {
      const wire = deserialize(message) as (WireEvent & Stamp) | { kind: 'released' };
      if (wire.kind === 'released') {
        void this.claim().catch(() => false);
        return;
      }
      if (!this.inOrder(wire)) return;
      event = fromWire(wire);
    } catch (error) {
      // Not ours (another writer on the channel) or from an incompatible release: skip, never crash the process.
      this.polls.settings.logger.warn({ err: error }, 'unreadable job-poll event in Redis: ignored');
      return;
    }
    if (event.kind === 'state') {
      if (!changed(this.last, event.state)) return;
      this.last = event.state;
    }
    this.emit(event);
  }

  /** Whether a stamped event is newer than every event relayed from its holder (unstamped ones always are). */
  private inOrder({ from, seq }: Stamp): boolean {
    if (typeof from !== 'string' || typeof seq !== 'number') return true;
    if (seq <= (this.relayedSeq.get(from) ?? 0)) return false;
    this.relayedSeq.set(from, seq);
    return true;
  }

  /** Takes the lease if it is free; then this replica polls. */
  private async claim(): Promise<boolean> {
    const { leaseMs } = this.polls.settings;
    const taken = await this.polls.redis.set(this.polls.leaseKey(this.hash), this.holder, 'PX', leaseMs, 'NX');
    if (taken !== 'OK' || this.stopped) return false;
    this.lead();
    return true;
  }

  private scheduleClaim(): void {
    if (this.stopped || this.loop) return;
    this.claimTimer = setTimeout(() => {
      this.claim()
        .catch(() => false)
        .then(() => this.scheduleClaim());
    }, this.polls.settings.leaseMs / 2);
  }

  private lead(): void {
    if (this.stopped || this.loop) return;
    clearTimeout(this.claimTimer);
    const { leaseMs, timing } = this.polls.settings;
    this.loop = new PollLoop(this.read, timing, (event) => this.publish(event), this.last);
    this.renewTimer = setInterval(() => void this.renew(), leaseMs / 3);
    this.loop.start();
  }

  private async renew(): Promise<void> {
    const { leaseMs } = this.polls.settings;
    const kept = await this.polls.redis.eval(RENEW, 1, this.polls.leaseKey(this.hash), this.holder, String(leaseMs)).catch(() => undefined);
    // Lost (expired while Redis or this process stalled, and another replica took it): relay again.
    if (kept === 0 && !this.stopped) {
      clearInterval(this.renewTimer);
      this.loop?.stop();
      this.loop = undefined;
      this.scheduleClaim();
    }
  }

  private publish(event: JobEvent): void {
    if (event.kind === 'state') this.last = event.state;
    if (!this.loop?.running) this.ended = true; // the loop's last event: the job ended or failed for everyone
    this.emit(event);
    const stamp: Stamp = { from: this.holder, seq: ++this.published };
    const message = serialize({ ...toWire(event), ...stamp });
    const { redis, settings } = this.polls;
    redis.set(this.polls.stateKey(this.hash), message, 'PX', settings.leaseMs * 3).catch(() => {});
    redis.publish(this.polls.channelOf(this.hash), message).catch(() => {});
  }
}

function toWire(event: JobEvent): WireEvent {
  if (event.kind === 'state') return event;
  const { code, message, retryAfterMs, upstream } = event.error;
  return { kind: 'failed', error: { code, message, retryAfterMs, upstream } };
}

function fromWire(event: WireEvent): JobEvent {
  if (event.kind === 'state') return { kind: 'state', state: event.state };
  const { code, message, retryAfterMs, upstream } = event.error;
  return { kind: 'failed', error: new GatewayError(code, message, { retryAfterMs, upstream }) };
}
