import type { GatewayContext } from '../../context.js';
import { summaryWindow, type TimeWindow } from '../../monitoring/window.js';

const REQUEST_NOW = Symbol('monitoring: the request\'s now');

/**
 * A monitoring window whose default end is the request's "now", taken once per request: the fields of
 * one operation (`healthReport`'s last 24 h, a `jobStatusSummary` without `until`) then count the very
 * same window, ask the upstreams the same lists and share their answers.
 * @throws BAD_USER_INPUT as summaryWindow does.
 */
export function requestWindow(ctx: GatewayContext, since?: Date | null, until?: Date | null): TimeWindow {
  return summaryWindow(since, until, ctx.perRequest(REQUEST_NOW, () => new Date()));
}
