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
}

/**
 * Answers `GET /__sim/stats`, `POST /__sim/reset`, `GET|POST /__sim/faults`. Returns false when the
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
    let parsed: unknown;
    try {
      const text: string = await readBody(req);
      parsed = text.trim() === '' ? {} : JSON.parse(text);
    } catch {
      sendJson(res, 400, { error: 'body must be JSON' });
      return true;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      sendJson(res, 400, { error: 'body must be a JSON object' });
      return true;
    }
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
  } else {
    sendJson(res, 404, { error: `unknown control endpoint ${method} ${pathname}` });
  }
  return true;
}
