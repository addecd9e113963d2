import type { GraphQLResolveInfo } from 'graphql';
import type { GatewayContext } from '../../context.js';
import type { UpstreamSource } from '../../datasources/upstream-source.js';
import { badUserInput } from '../../errors/gateway-error.js';
import { fanOutList } from '../../paging/fan-out.js';
import { PRODUCTS } from '../../products.js';
import { recordPartial } from '../partial-errors.js';
import type { GraphProduct } from '../product.js';

/** A product with the caller's sources it is asked over. */
export interface ProductSources {
  product: GraphProduct;
  sources: UpstreamSource[];
}

/**
 * The sources a cross-product field asks, product by product in registration order: every upstream the
 * caller may see, or those named in `upstream`. Products without `takesPart` are left out.
 * @throws BAD_USER_INPUT for an id the caller cannot use (unknown and foreign ids read the same).
 */
export function sourcesByProduct(
  ctx: GatewayContext,
  upstream?: readonly string[] | null,
  takesPart: (product: GraphProduct) => boolean = () => true,
): ProductSources[] {
  const named = upstream && upstream.length > 0 ? [...new Set(upstream)] : undefined;
  if (named) for (const id of named) if (!ctx.sources.upstream(id)) throw badUserInput(`unknown upstream "${id}"`);
  return PRODUCTS.filter(takesPart).map((product) => ({
    product,
    sources: named
      ? ctx.sources.sources(product.upstreams, named.filter((id) => ctx.sources.upstream(id)?.product === product.upstreams))
      : ctx.sources.sources(product.upstreams),
  }));
}

/**
 * A cross-product list: `part` gives each product's loader (undefined: the product takes no part), run
 * over its sources (every one the caller may see, or the one `upstream` names) in parallel. The answers
 * are concatenated in product then config order; an upstream that fails is reported at the field's path
 * and left out.
 */
export async function fanOutProducts<T>(
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
  upstream: string | null | undefined,
  part: (product: GraphProduct) => ((source: UpstreamSource) => Promise<readonly T[]>) | undefined,
): Promise<T[]> {
  const onFailure = recordPartial(ctx, info);
  const parts = await Promise.all(
    sourcesByProduct(ctx, upstream ? [upstream] : undefined, (p) => part(p) !== undefined).map(({ product, sources }) =>
      fanOutList(sources, part(product) as (source: UpstreamSource) => Promise<readonly T[]>, onFailure),
    ),
  );
  return parts.flat();
}
