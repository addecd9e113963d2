import { registerEnumType } from 'type-graphql';

/**
 * The graph's `UpstreamKind` values. They are the registered products' (each declares its kinds in its
 * datasource half): `buildGatewaySchema` fills this object before type-graphql reads it.
 */
export const UpstreamKind: Record<string, string> = {};
export type UpstreamKind = string;

const valuesConfig: Record<string, { description: string }> = {};

/** Adds the kinds a product serves (idempotent: the schema may be built more than once in a process). */
export function declareUpstreamKinds(kinds: Iterable<{ readonly graphKind: string; readonly description: string }>): void {
  for (const { graphKind, description } of kinds) {
    UpstreamKind[graphKind] = graphKind;
    valuesConfig[graphKind] = { description };
  }
}

registerEnumType(UpstreamKind, {
  name: 'UpstreamKind',
  description: 'The product behind an upstream instance.',
  valuesConfig,
});
