import { badUserInput } from '../errors/gateway-error.js';

const DAY_MS = 86_400_000;
/** The longest window one history field answers: a year of daily rows and a little more. */
export const MAX_HISTORY_DAYS = 400;

/**
 * `[since, until)` in epoch ms from a history field's arguments; `until` defaults to `now`.
 * @throws GatewayError BAD_USER_INPUT for an invalid time, since not before until, or more than 400 days.
 */
export function historyWindow(since: Date, until: Date | null | undefined, now: number): { since: number; until: number } {
  const from = since.getTime();
  const to = until ? until.getTime() : now;
  if (!Number.isFinite(from) || !Number.isFinite(to)) throw badUserInput('since and until must be valid times');
  if (from >= to) throw badUserInput(`since (${new Date(from).toISOString()}) must be before until (${new Date(to).toISOString()})`);
  if (to - from > MAX_HISTORY_DAYS * DAY_MS) throw badUserInput(`since and until may be at most ${MAX_HISTORY_DAYS} days apart`);
  return { since: from, until: to };
}
