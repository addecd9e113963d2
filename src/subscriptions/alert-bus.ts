/**
 * `Subscription.alertRaised`'s channel: the collectors call `publishAlertRaised` for each alert they create
 * (src/collectors); every subscriber whose caller may see the alert's upstream gets it. One bus per
 * process, so the collector needs no handle on the HTTP server. With Redis (`relayAlertsThroughRedis`),
 * an alert goes through one Redis channel and every replica's subscribers get it, whichever replica's
 * collector raised it; without, it reaches the subscribers of this process.
 */
import type { Logger } from 'pino';
import { duplicateRedisClient, type RedisClient } from '../cache/redis-connection.js';
import type { AlertRecord } from '../store/history-store.js';
import { Channel } from './channel.js';

/** The Redis channel every replica's bus listens on. */
export const ALERT_CHANNEL = 'backup-graph:alert-raised';

type Listener = (alert: AlertRecord) => void;

const listeners = new Set<Listener>();

/** Set while the bus relays through Redis: publishing goes there, and comes back to every replica. */
let relay: ((alert: AlertRecord) => void) | undefined;

/** Hands a newly raised alert to every subscriber (of every replica, with Redis); never throws, never waits. */
export function publishAlertRaised(alert: AlertRecord): void {
  if (relay) relay(alert);
  else deliver(alert);
}

function deliver(alert: AlertRecord): void {
  for (const listen of [...listeners]) listen(alert);
}

/**
 * Relays the bus through Redis pub/sub until the answered stop is called. A subscribed connection takes
 * no other command, so the channel has a connection of its own. A publish Redis refuses is delivered in
 * this process instead (its subscribers at least), and logged.
 */
export async function relayAlertsThroughRedis(redis: RedisClient, logger: Logger): Promise<() => Promise<void>> {
  const sub: RedisClient = duplicateRedisClient(redis, 'backup-graph-alerts');
  sub.on('error', (error: Error) => logger.debug({ err: error }, 'redis alert channel error'));
  sub.on('message', (channel: string, message: string) => {
    if (channel !== ALERT_CHANNEL) return;
    let alert: AlertRecord;
    try {
      alert = JSON.parse(message) as AlertRecord;
    } catch {
      return; // not one of ours
    }
    if (typeof alert?.id === 'string' && typeof alert.upstreamId === 'string') deliver(alert);
  });
  if (sub.status === 'wait') await sub.connect();
  await sub.subscribe(ALERT_CHANNEL);
  const publish = (alert: AlertRecord): void => {
    redis.publish(ALERT_CHANNEL, JSON.stringify(alert)).catch((error: unknown) => {
      logger.warn({ err: error, alert: alert.id }, 'alert not relayed through redis; delivered in this replica only');
      deliver(alert);
    });
  };
  relay = publish;
  return async () => {
    if (relay === publish) relay = undefined;
    await sub.quit().catch(() => sub.disconnect());
  };
}

/** A subscriber's stream of the raised alerts `accept` lets through; `return()` leaves the bus. */
export function alertRaisedEvents(accept: (alert: AlertRecord) => boolean): Channel<AlertRecord> {
  const listen: Listener = (alert) => {
    if (accept(alert)) channel.push(alert);
  };
  const channel = new Channel<AlertRecord>(() => listeners.delete(listen));
  listeners.add(listen);
  return channel;
}

/** Subscribers in this process (for tests and metrics). */
export function alertRaisedSubscribers(): number {
  return listeners.size;
}
