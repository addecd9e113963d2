import type { GatewayContext } from '../../context.js';
import type { UpstreamRef } from '../../datasources/record.js';
import { ErrorCode } from '../../errors/codes.js';
import { GatewayError, badUserInput } from '../../errors/gateway-error.js';
import type { HistoryStore } from '../../store/history-store.js';
import { upstreamOfVisible } from '../upstreams.js';

/**
 * The history store of the request, for the fields that read it.
 * @throws GatewayError NOT_SUPPORTED when the gateway keeps none (`store.enabled: false`): the field has
 * nothing to answer from, and asking again will not change that.
 */
export function historyOf(ctx: GatewayContext): HistoryStore {
  if (!ctx.history) throw new GatewayError(ErrorCode.NOT_SUPPORTED, 'This gateway keeps no history (store.enabled is false); see docs/history.md');
  return ctx.history;
}

/**
 * The upstream ids a history field reads: those named (each must be one the caller may see), else every
 * visible one, in configuration order.
 * @throws GatewayError BAD_USER_INPUT naming the first id the caller cannot see.
 */
export function historyUpstreams(ctx: GatewayContext, named?: readonly string[] | null): string[] {
  const visible = ctx.sources.upstreams().map((u) => u.id);
  if (!named || named.length === 0) return visible;
  for (const id of named) if (!visible.includes(id)) throw badUserInput(`unknown upstream "${id.slice(0, 80)}"`);
  return visible.filter((id) => named.includes(id));
}

/** The reference of a visible upstream; undefined for one the caller cannot see (or no longer configured). */
export function visibleUpstreamRef(ctx: GatewayContext, id: string): UpstreamRef | undefined {
  const u = ctx.sources.upstream(id);
  return u ? upstreamOfVisible(u) : undefined;
}
