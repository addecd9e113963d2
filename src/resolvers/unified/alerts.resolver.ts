import { Args, Ctx, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { badUserInput, notFound } from '../../errors/gateway-error.js';
import { alertState, listAlerts, severityOf } from '../../history/reader.js';
import { runMutation } from '../../mutations/run-mutation.js';
import { decodeCursor, encodeCursor, cursorScope, pageSize } from '../../paging/pagination.js';
import { AcknowledgeAlertArgs, AlertsArgs } from '../../schema/unified/alerts.args.js';
import { Alert, AlertConnection } from '../../schema/unified/alert.type.js';
import type { ConnectionOf } from '../../schema/unified/connection.type.js';
import type { AlertRecord } from '../../store/history-store.js';
import { alertRaisedEvents } from '../../subscriptions/alert-bus.js';
import { historyOf, historyUpstreams, visibleUpstreamRef } from './history-access.js';

/** Alert ids are the store's UUIDs. */
const ALERT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_NOTE = 1000;

/** The gateway's own alerts (docs/history.md "Alert rules"): listed, acknowledged and pushed live. */
@Resolver()
export class AlertsResolver {
  @Query(() => AlertConnection, {
    description: 'Alerts the gateway\'s collectors raised on the upstreams you may see, newest raised first. No upstream call.',
  })
  async alerts(@Args(() => AlertsArgs) args: AlertsArgs, @Ctx() ctx: GatewayContext): Promise<ConnectionOf<Alert>> {
    const store = historyOf(ctx);
    const filter = args.filter ?? {};
    const limit = pageSize(args.first, ctx.maxPageSize);
    const upstreamIds = historyUpstreams(ctx, filter.upstream);
    const since = filter.since?.getTime();
    if (since !== undefined && !Number.isFinite(since)) throw badUserInput('filter.since must be a valid time');
    const scope = cursorScope({ s: filter.state, v: filter.severity, u: upstreamIds, t: since });
    const offset = decodeCursor(args.after, scope).alerts ?? 0;
    const page = await listAlerts(store, { upstreamIds, state: filter.state ?? undefined, severity: filter.severity ?? undefined, since }, { offset, limit });
    const edges = page.rows.map((row, i) => ({ cursor: encodeCursor({ alerts: offset + i + 1 }, scope), node: alertOf(ctx, row) }));
    return {
      edges,
      pageInfo: {
        hasNextPage: offset + edges.length < page.total,
        hasPreviousPage: offset > 0,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      totalCount: page.total,
    };
  }

  @Mutation(() => Alert, {
    description:
      'Records that you (your API key\'s caller id) saw the alert, when, and why; acknowledging again replaces the note and ' +
      'the time. An id that is not an alert\'s is BAD_USER_INPUT; one of an upstream you may not see NOT_FOUND.',
  })
  async acknowledgeAlert(@Args(() => AcknowledgeAlertArgs) args: AcknowledgeAlertArgs, @Ctx() ctx: GatewayContext): Promise<Alert> {
    const store = historyOf(ctx);
    if (!ALERT_ID.test(args.id)) throw badUserInput(`"${args.id.slice(0, 80)}" is not an alert id`);
    const note = args.note ?? null;
    if (note !== null && note.length > MAX_NOTE) throw badUserInput(`note may be at most ${MAX_NOTE} characters`);
    return runMutation(ctx, { operation: 'acknowledgeAlert', input: { id: args.id, note }, targets: [args.id] }, async () => {
      const existing = await store.getAlert(args.id);
      if (!existing || !visibleUpstreamRef(ctx, existing.upstreamId)) throw notFound(`No alert has id "${args.id}"`);
      const acknowledged = await store.acknowledgeAlert(args.id, ctx.principal.id, note, Date.now());
      if (!acknowledged) throw notFound(`No alert has id "${args.id}"`);
      return alertOf(ctx, acknowledged);
    });
  }

  @Subscription(() => Alert, {
    description:
      'Each alert the collectors raise on an upstream you may see, as it is raised (this replica\'s collector, or any ' +
      'replica\'s through Redis when configured). Over WebSocket on /graphql (graphql-ws).',
    subscribe: ({ context }) => {
      const ctx = context as GatewayContext;
      if (!ctx.jobPolls) throw badUserInput('Subscriptions run over WebSocket on /graphql (graphql-ws)');
      return alertRaisedEvents((a) => ctx.sources.upstream(a.upstreamId) !== undefined);
    },
  })
  alertRaised(@Root() alert: AlertRecord, @Ctx() ctx: GatewayContext): Alert {
    return alertOf(ctx, alert);
  }
}

/** A stored alert as the graph's object (its upstream is one the caller may see: callers filter first). */
export function alertOf(ctx: GatewayContext, a: AlertRecord): Alert {
  const upstream = visibleUpstreamRef(ctx, a.upstreamId);
  if (!upstream) throw notFound(`No alert has id "${a.id}"`);
  return {
    id: a.id,
    rule: a.ruleId,
    severity: severityOf(a.severity),
    state: alertState(a) as Alert['state'],
    upstream,
    objectId: a.objectId,
    message: a.message,
    raisedAt: new Date(a.raisedAt),
    lastSeenAt: new Date(a.lastSeenAt),
    resolvedAt: a.resolvedAt === null ? null : new Date(a.resolvedAt),
    acknowledgedAt: a.acknowledgedAt === null ? null : new Date(a.acknowledgedAt),
    acknowledgedBy: a.acknowledgedBy,
    acknowledgeNote: a.acknowledgeNote,
  };
}
