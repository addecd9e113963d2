/**
 * The upstream instance an object came from, as the graph shows it (`Upstream`): its configured id and
 * its kind as the GraphQL `UpstreamKind` value. One frozen object per instance (see upstreamRef).
 */
export interface UpstreamRef {
  readonly id: string;
  readonly kind: string;
}

/**
 * What every domain record a source returns for a graph object starts with. Records are the resolvers'
 * parents as they are: `__typename` names the GraphQL type (interfaces resolve by it), `id` is the
 * global id (src/util/global-id.ts) and `upstream` the shared instance reference.
 */
export interface NodeRecord {
  readonly __typename: string;
  readonly id: string;
  readonly upstream: UpstreamRef;
}

const upstreams = new Map<string, UpstreamRef>();

/**
 * The one frozen UpstreamRef of an instance: every record of the instance shares it. `graphKind` is the
 * GraphQL `UpstreamKind` value its product declares for the instance's config kind.
 */
export function upstreamRef(id: string, graphKind: string): UpstreamRef {
  const key = `${graphKind}\u0000${id}`;
  let up = upstreams.get(key);
  if (!up) upstreams.set(key, (up = Object.freeze({ id, kind: graphKind })));
  return up;
}
