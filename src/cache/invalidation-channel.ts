import { randomUUID } from 'node:crypto';
import type { RedisClient } from './redis-connection.js';
import type { Logger } from 'pino';
import { cacheInvalidationResyncsTotal, cacheInvalidationsReceivedTotal } from '../observability/metrics.js';
import type { RemoteInvalidation } from './cache-store.js';

export interface InvalidationChannelOptions {
  /** The shared connection; a publish fails fast on it like every other command while Redis is away. */
  publisher: RedisClient;
  /**
   * A connection of its own, not yet connected (`lazyConnect`), with `autoResubscribe: false`: a
   * subscribed connection can run nothing else, and this class subscribes again itself after every
   * reconnect so that it knows when the subscription is back.
   */
  subscriber: RedisClient;
  /** The channel name, under the deployment's key prefix (pub/sub ignores the db number: the prefix is what separates deployments). */
  channel: string;
  logger: Logger;
  /** This replica's id in the messages it sends, so it can skip them when they come back. @default a random UUID */
  replicaId?: string;
}

/** On the wire: JSON `{instance, tags, origin}`. */
interface Message {
  instance: string;
  tags: readonly string[];
  origin: string;
}

/**
 * The replicas' invalidation channel over Redis pub/sub: after a replica invalidated tags in Redis it
 * publishes them, and every other replica drops its local (memory) copies of them, so a mutation made
 * on one replica is visible on all within the message's delivery time instead of `localTtlCapMs`.
 *
 * Pub/sub is fire and forget: what is published while a subscriber is disconnected never reaches it.
 * So every time the subscription is (re)established, the receiver is told `{ all: true }` and drops
 * everything local — see `start`.
 */
export class InvalidationChannel {
  readonly replicaId: string;
  private readonly publisher: RedisClient;
  private readonly subscriber: RedisClient;
  private readonly channel: string;
  private readonly logger: Logger;
  private receive: ((event: RemoteInvalidation) => void) | undefined;
  private subscribedOnce = false;

  constructor(options: InvalidationChannelOptions) {
    this.publisher = options.publisher;
    this.subscriber = options.subscriber;
    this.channel = options.channel;
    this.logger = options.logger;
    this.replicaId = options.replicaId ?? randomUUID();
  }

  /** Tells the other replicas; call after the tags were invalidated in Redis, so what they read next is fresh. */
  async publish(instanceId: string, tags: readonly string[]): Promise<void> {
    const message: Message = { instance: instanceId, tags, origin: this.replicaId };
    await this.publisher.publish(this.channel, JSON.stringify(message));
  }

  /**
   * Connects and subscribes; resolves once subscribed, or at once (with a warning) when Redis cannot
   * be reached now — the connection then keeps trying in the background and subscribes when it is back.
   * `receive` gets every other replica's invalidation, and `{ all: true }` after each reconnect.
   */
  async start(receive: (event: RemoteInvalidation) => void): Promise<void> {
    this.receive = receive;
    this.subscriber.on('message', (channel: string, text: string) => {
      if (channel === this.channel) this.onMessage(text);
    });
    let first: Promise<void> | undefined;
    // 'ready' comes after the first connect and after every reconnect.
    this.subscriber.on('ready', () => {
      first = this.subscribe();
    });
    try {
      await this.subscriber.connect();
      await first;
    } catch (error) {
      this.logger.warn({ err: error }, 'cache invalidation channel unreachable at start: other replicas’ mutations reach this one only as its local copies expire, until Redis answers');
    }
  }

  /** Closes the subscriber connection. Idempotent. */
  async close(): Promise<void> {
    this.receive = undefined;
    if (this.subscriber.status === 'end') return;
    try {
      await this.subscriber.quit();
    } catch {
      this.subscriber.disconnect();
    }
  }

  private async subscribe(): Promise<void> {
    try {
      await this.subscriber.subscribe(this.channel);
    } catch (error) {
      // The connection dropped again before the reply; the next 'ready' tries again.
      this.logger.debug({ err: error }, 'cache invalidation subscribe failed');
      return;
    }
    // Subscribed again after a disconnect (or for the first time after a start without Redis).
    // Messages published in between are lost for good, and cannot be asked for again; so drop every
    // local copy rather than guess which are stale. That is cheap: the local layer is only a
    // short-lived (`localTtlCapMs`) copy of Redis, which was invalidated properly all along, so the
    // next reads refill it from Redis with current answers. This runs only once the SUBSCRIBE is
    // confirmed: any invalidation after this point reaches us. (At the first start the layer is
    // empty and this costs nothing.)
    if (this.subscribedOnce) {
      cacheInvalidationResyncsTotal.inc();
      this.logger.info('cache invalidation channel subscribed again: local cache copies dropped');
    }
    this.subscribedOnce = true;
    this.receive?.({ all: true });
  }

  private onMessage(text: string): void {
    const message = parse(text);
    if (!message) {
      this.logger.warn({ channel: this.channel }, 'unreadable cache invalidation message ignored');
      return;
    }
    // Our own invalidation was applied locally before it was published.
    if (message.origin === this.replicaId) return;
    cacheInvalidationsReceivedTotal.inc({ instance: message.instance });
    this.receive?.({ instanceId: message.instance, tags: message.tags });
  }
}

/** A message, or undefined for one this version cannot read (another version, or not ours). */
function parse(text: string): Message | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (data === null || typeof data !== 'object') return undefined;
  const { instance, tags, origin } = data as Partial<Message>;
  if (typeof instance !== 'string' || typeof origin !== 'string' || !Array.isArray(tags)) return undefined;
  if (!tags.every((t): t is string => typeof t === 'string')) return undefined;
  return { instance, tags, origin };
}
