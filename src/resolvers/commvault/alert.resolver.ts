import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { eventMatches, type EventConditions } from '../../datasources/domain.js';
import { newestEventFirst } from '../../datasources/commvault/event-search.js';
import type { CvAlertRule, CvTriggeredAlert } from '../../datasources/commvault/model.js';
import { fanOutList, fanOutPage, newestFirst, sliceOf } from '../../paging/fan-out.js';
import { cursorScope } from '../../paging/pagination.js';
import { CommvaultAlertRule } from '../../schema/commvault/alert-rule.type.js';
import { CommvaultTriggeredAlertConnection } from '../../schema/commvault/triggered-alert-connection.type.js';
import { CommvaultTriggeredAlert } from '../../schema/commvault/triggered-alert.type.js';
import { CommvaultTriggeredAlertsArgs } from '../../schema/commvault/triggered-alerts.args.js';
import type { ConnectionOf } from '../../schema/unified/connection.type.js';
import { UpstreamArgs } from '../../schema/unified/upstream.args.js';
import { connectionOf } from '../connection-of.js';
import { recordPartial } from '../partial-errors.js';
import { commvaultLoaders, commvaultSources } from './sources.js';

@Resolver(() => CommvaultAlertRule)
export class CommvaultAlertRuleResolver {
  @Query(() => [CommvaultAlertRule], {
    description:
      'Alert rules of the CommServes you may see, enabled or not (`GET /AlertRule`, one call per CommServe; `enabled` adds ' +
      '`GET /V4/AlertDefinitions` when selected). A CommServe that fails leaves its rules out and adds an error.',
  })
  async commvaultAlertRules(
    @Args(() => UpstreamArgs) args: UpstreamArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CvAlertRule[]> {
    return fanOutList(commvaultSources(ctx, args.upstream), (s) => s.listAlertRules(), recordPartial(ctx, info));
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'From V4 (`GET /V4/AlertDefinitions`, one call per CommServe for all its rules); null when V4 does not list the rule.',
  })
  async enabled(@Root() rule: CvAlertRule, @Ctx() ctx: GatewayContext): Promise<boolean | null> {
    const definition = await commvaultLoaders(ctx).alertDefinitionById.load({ instanceId: rule.upstream.id, id: rule.alertId });
    return definition?.enabled ?? null;
  }
}

@Resolver(() => CommvaultTriggeredAlert)
export class CommvaultTriggeredAlertResolver {
  @Query(() => CommvaultTriggeredAlertConnection, {
    description:
      'Alerts the CommServes you may see raised, newest first. `GET /V4/TriggeredAlerts` is unpaged: one cached call per ' +
      'CommServe, filtered and paged by the gateway.',
  })
  async commvaultTriggeredAlerts(
    @Args(() => CommvaultTriggeredAlertsArgs) args: CommvaultTriggeredAlertsArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionOf<CvTriggeredAlert>> {
    const f = args.filter ?? {};
    const search: EventConditions = { severities: f.severity, occurredAfter: f.after, occurredBefore: f.before };
    const sources = commvaultSources(ctx, args.upstream);
    const page = await fanOutPage({
      sources,
      first: args.first,
      after: args.after,
      maxPageSize: ctx.maxPageSize,
      scope: cursorScope(['triggeredAlerts', sources.map((s) => s.instanceId), [...(f.severity ?? [])].sort(), f.after?.getTime() ?? null, f.before?.getTime() ?? null]),
      fetch: async (source, offset, first) => {
        const all = (await source.listTriggeredAlerts()).filter((a) => eventMatches(search, a)).sort(newestEventFirst);
        return sliceOf(all, offset, first);
      },
      before: (a, b) => newestFirst(a.occurredAt, b.occurredAt),
      onFailure: recordPartial(ctx, info),
    });
    return connectionOf(page);
  }
}
