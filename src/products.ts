/**
 * The one place products are registered. Everything outside a product's own folders
 * (src/{datasources,schema,resolvers}/<product>/) reaches products through this list: a new product is
 * its folders plus one line here (docs/architecture.md, "Adding a product").
 */
// The product modules declare their schema classes with type-graphql decorators, which need the polyfill first.
import 'reflect-metadata';
import type { DemoUpstream, UpstreamKindSpec, UpstreamProduct } from './datasources/product.js';
import { backupDrProduct } from './resolvers/backupdr/product.js';
import { commvaultProduct } from './resolvers/commvault/product.js';
import type { GraphProduct } from './resolvers/product.js';
import type { ProductCostModel } from './plugins/cost/hint-kinds.js';

export const PRODUCTS: readonly GraphProduct[] = [commvaultProduct as GraphProduct, backupDrProduct as GraphProduct];

/** The datasource halves, for the source registry. */
export const UPSTREAM_PRODUCTS: readonly UpstreamProduct[] = PRODUCTS.map((p) => p.upstreams);

/** Every upstream kind a product serves, for the config: credential and default buckets of each. */
export const UPSTREAM_KINDS: Readonly<Record<string, UpstreamKindSpec>> = Object.assign({}, ...UPSTREAM_PRODUCTS.map((p) => p.kinds));

/** The demo estate (`npm start` with no config), product by product in registration order. */
export const DEMO_UPSTREAMS: readonly DemoUpstream[] = UPSTREAM_PRODUCTS.flatMap((p) => p.demos ?? []);

/** The cost models, for the cost limit. */
export const PRODUCT_COSTS: readonly ProductCostModel[] = PRODUCTS.map((p) => p.cost);

/** The product serving an upstream's datasource half (from `ctx.sources.upstream(id)?.product`). */
export function graphProductOf(upstreams: UpstreamProduct | undefined): GraphProduct | undefined {
  return upstreams && PRODUCTS.find((p) => p.upstreams === upstreams);
}

/** The product (cost group) serving a configured upstream kind; undefined for a kind no product serves. */
export function productNameOfKind(kind: string): string | undefined {
  return PRODUCTS.find((p) => Object.hasOwn(p.upstreams.kinds, kind))?.upstreams.name;
}

/**
 * Upstream kinds whose budget is a small window shared by every caller (a Commvault Cloud tenant,
 * docs/upstreams/commvault.md §9.2): the demo neither seeds nor collects from them, so callers find it whole.
 */
export const WINDOW_BUDGET_KINDS: ReadonlySet<string> = new Set(['commvault-cloud']);

/** Whether upstreams of this graph kind (`Upstream.kind`) have deduplication stores for the DDB collector. */
export function hasDdbStores(graphKind: string): boolean {
  return graphKind.startsWith('COMMVAULT');
}

/**
 * Which machines move an upstream's backups, for the infrastructure collector: a CommServe's (or Cloud
 * tenant's) MediaAgents, a console's appliances; undefined for a kind with neither.
 */
export function infrastructureOf(graphKind: string): 'mediaAgents' | 'appliances' | undefined {
  if (graphKind.startsWith('COMMVAULT')) return 'mediaAgents';
  return graphKind === 'BACKUPDR' ? 'appliances' : undefined;
}
