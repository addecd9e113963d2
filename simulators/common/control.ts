import type { IncomingMessage, ServerResponse } from 'node:http';
import { FaultError, type FaultState, type SimFaults } from './faults.js';
import { readBody, sendJson } from './http-server.js';
import type { RouteStats } from './stats.js';

/** Control endpoints live outside every API base path so they can never collide with a resource. */
export const CONTROL_PREFIX = '/__sim/';

export interface ControlHooks {
  stats: RouteStats;
  faults: FaultState;
  /** Sets faults, including the one-shot ones (`expireAllTokens`) only the simulator can act on. */
  setFaults(f: SimFaults): void;
  /** Zeroes stats and clears faults. */
  reset(): void;
  /** Simulator-specific figures added to `GET /__sim/stats` (e.g. `liveTokens`, a Cloud tenant's `tenantWindows`). */
  extraStats(): Record<string, unknown>;
  /**
   * `POST /__sim/state`: changes the estate's state as its operators would see it happen (a pool filling, a
   * machine going offline), and answers what it changed. Throws StateError for a body it cannot apply.
   */
  setState?(body: Record<string, unknown>): Record<string, unknown>;
}

/** A `POST /__sim/state` body the simulator cannot apply (unknown id, figure out of range): answered 400. */
export class StateError extends Error {}

/**
 * Answers `GET /__sim/stats`, `POST /__sim/reset`, `GET|POST /__sim/faults`, `POST /__sim/state`. Returns false when the
 * path is not a control path. No auth: these exist for tests and benchmarks on loopback.
 */
export async function handleControl(req: IncomingMessage, res: ServerResponse, pathname: string, hooks: ControlHooks): Promise<boolean> {
  if (!pathname.toLowerCase().startsWith(CONTROL_PREFIX)) return false;
  const what: string = pathname.slice(CONTROL_PREFIX.length).replace(/\/+$/, '').toLowerCase();
  const method: string = (req.method ?? 'GET').toUpperCase();
  if (what === 'stats' && method === 'GET') {
    sendJson(res, 200, { ...hooks.stats.snapshot(), ...hooks.extraStats() });
  } else if (what === 'reset' && method === 'POST') {
    hooks.reset();
    sendJson(res, 200, { ok: true });
  } else if (what === 'faults' && method === 'GET') {
    sendJson(res, 200, hooks.faults.active());
  } else if (what === 'faults' && method === 'POST') {
    const parsed = await objectBody(req, res);
    if (!parsed) return true;
    try {
      hooks.setFaults(parsed as SimFaults);
    } catch (error) {
      if (error instanceof FaultError) {
        sendJson(res, 400, { error: error.message });
        return true;
      }
      throw error;
    }
    sendJson(res, 200, hooks.faults.active());
  } else if (what === 'state' && method === 'POST' && hooks.setState) {
    const parsed = await objectBody(req, res);
    if (!parsed) return true;
    try {
      sendJson(res, 200, hooks.setState(parsed));
    } catch (error) {
      if (error instanceof StateError) {
        sendJson(res, 400, { error: error.message });
        return true;
      }
      throw error;
    }
  } else {
    sendJson(res, 404, { error: `unknown control endpoint ${method} ${pathname}` });
  }
  return true;
}

/** The request's JSON object body (empty: `{}`); undefined once a 400 has been answered. */
async function objectBody(req: IncomingMessage, res: ServerResponse): Promise<Record<string, unknown> | undefined> {
  let parsed: unknown;
  try {
    const text: string = await readBody(req);
    parsed = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    sendJson(res, 400, { error: 'body must be JSON' });
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    sendJson(res, 400, { error: 'body must be a JSON object' });
    return undefined;
  }
  return parsed as Record<string, unknown>;
}

/** The entries of a state body's list (`[{ id, … }]`); StateError when it is not one. */
export function stateEntries(body: Record<string, unknown>, key: string): Array<Record<string, unknown>> {
  const list = body[key];
  if (list === undefined) return [];
  if (!Array.isArray(list) || !list.every((e) => typeof e === 'object' && e !== null && !Array.isArray(e))) throw new StateError(`${key} must be a list of objects`);
  return list as Array<Record<string, unknown>>;
}

/**
 * The objects a state body's list names (`[{ id, … }]`) with their entries, found by `find`; StateError
 * naming the first id it does not know, so a body is checked whole before anything changes.
 */
export function stateTargets<T>(body: Record<string, unknown>, key: string, noun: string, find: (id: unknown) => T | undefined): Array<{ target: T; entry: Record<string, unknown> }> {
  return stateEntries(body, key).map((entry) => {
    const target = find(entry.id);
    if (target === undefined) throw new StateError(`no ${noun} ${String(entry.id)}`);
    return { target, entry };
  });
}

/** A free share given in a state body: a number 0..100. */
export function freePercentOf(entry: Record<string, unknown>): number | undefined {
  const pct = entry.freePercent;
  if (pct === undefined) return undefined;
  if (typeof pct !== 'number' || !(pct >= 0 && pct <= 100)) throw new StateError('freePercent must be a number 0..100');
  return pct;
}

/** An `online` flag given in a state body. */
export function onlineOf(entry: Record<string, unknown>): boolean | undefined {
  if (entry.online === undefined) return undefined;
  if (typeof entry.online !== 'boolean') throw new StateError('online must be true or false');
  return entry.online;
}
