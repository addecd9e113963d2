import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray, type PubSub } from 'type-graphql';
import { AlertsResolver } from '../resolvers/unified/alerts.resolver.js';
import { HistoryResolver } from '../resolvers/unified/history.resolver.js';
import { StorageTargetHistoryResolver } from '../resolvers/unified/storage-target-history.resolver.js';
import { ControlJobsResolver } from '../resolvers/unified/control-jobs.resolver.js';
import { EventsResolver } from '../resolvers/unified/events.resolver.js';
import { JobProgressResolver } from '../resolvers/unified/job-progress.resolver.js';
import { JobsResolver } from '../resolvers/unified/jobs.resolver.js';
import { HealthReportResolver } from '../resolvers/unified/health-report.resolver.js';
import { JobStatusSummaryResolver } from '../resolvers/unified/job-status-summary.resolver.js';
import { MonitoringResolver } from '../resolvers/unified/monitoring.resolver.js';
import { ProtectionSummaryResolver } from '../resolvers/unified/protection-summary.resolver.js';
import { NodeResolver } from '../resolvers/unified/node.resolver.js';
import { StorageResolver } from '../resolvers/unified/storage.resolver.js';
import { UnprotectedWorkloadResolver } from '../resolvers/unified/unprotected-workload.resolver.js';
import { UpstreamResolver } from '../resolvers/unified/upstream.resolver.js';
import { DateTimeScalar } from './date-time.scalar.js';
import { directFieldResolvers } from './field-resolvers.js';
import { directTypeResolvers } from './type-resolvers.js';
import { declareUpstreamKinds } from './unified/upstream-kind.enum.js';

/** The product-neutral root fields and objects; each product adds its own (GraphProduct.resolvers and .types). */
const UNIFIED_RESOLVERS: Function[] = [
  UpstreamResolver,
  NodeResolver,
  JobsResolver,
  EventsResolver,
  StorageResolver,
  MonitoringResolver,
  ProtectionSummaryResolver,
  JobStatusSummaryResolver,
  HealthReportResolver,
  UnprotectedWorkloadResolver,
  ControlJobsResolver,
  JobProgressResolver,
  StorageTargetHistoryResolver,
  HistoryResolver,
  AlertsResolver,
];

/**
 * type-graphql insists on a PubSub once a subscription exists, though ours bring their own `subscribe`
 * (the job polls, src/subscriptions): no topic is ever published or subscribed through this one.
 */
const NO_TOPICS: PubSub = {
  publish: () => {
    throw new Error('subscriptions here use their own subscribe function, not topics');
  },
  subscribe: () => {
    throw new Error('subscriptions here use their own subscribe function, not topics');
  },
};

/** What the schema needs of a registered product (src/resolvers/product.ts). */
export interface SchemaPart {
  readonly resolvers: readonly Function[];
  /**
   * Types that implement an interface (Node, Job, StorageTarget, ProtectedWorkload): registered
   * explicitly, so each stays in the schema (and `Query.node` can return it) even when no field names it.
   */
  readonly types: readonly Function[];
  /** The upstream kinds it serves, for the `UpstreamKind` enum. */
  readonly upstreams: { readonly kinds: Readonly<Record<string, { readonly graphKind: string; readonly description: string }>> };
}

/**
 * The gateway's executable schema, built from the type-graphql classes of the unified graph and of each
 * registered product (src/products.ts). No schema file is written here: codegen prints the committed
 * snapshot from this function's result.
 */
export async function buildGatewaySchema(products: readonly SchemaPart[]): Promise<GraphQLSchema> {
  declareUpstreamKinds(products.flatMap((p) => Object.values(p.upstreams.kinds)));
  const schema = await buildSchema({
    resolvers: [...UNIFIED_RESOLVERS, ...products.flatMap((p) => p.resolvers)] as NonEmptyArray<Function>,
    orphanedTypes: products.flatMap((p) => p.types),
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
    emitSchemaFile: false,
    pubSub: NO_TOPICS,
  });
  directTypeResolvers(schema);
  directFieldResolvers(schema);
  return schema;
}
