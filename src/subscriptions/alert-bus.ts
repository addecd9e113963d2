/**
 * `Subscription.alertRaised`'s channel in this process: the collectors call `publishAlertRaised` for each
 * alert they create (src/collectors), every subscriber of the replica whose caller may see the alert's
 * upstream gets it. One bus per process, so the collector needs no handle on the HTTP server.
 */
import type { AlertRecord } from '../store/history-store.js';
import { Channel } from './channel.js';

type Listener = (alert: AlertRecord) => void;

const listeners = new Set<Listener>();

/** Hands a newly raised alert to every subscriber of this process (never throws, never waits). */
export function publishAlertRaised(alert: AlertRecord): void {
  for (const listen of [...listeners]) listen(alert);
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
