import type { GatewayContext } from '../../context.js';
import type { UpstreamSource } from '../../datasources/upstream-source.js';
import { badUserInput } from '../../errors/gateway-error.js';
import { PRODUCTS } from '../../products.js';
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
