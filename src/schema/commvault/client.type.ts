import type { UpstreamRef } from '../../datasources/record.js';
import { Field, ID, Int } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { Node } from '../unified/node.type.js';
import { ProtectedWorkload } from '../unified/protected-workload.type.js';
import { Upstream } from '../unified/upstream.type.js';

@ObjectType('CommvaultClient', {
  implements: [Node, ProtectedWorkload],
  description: 'A client computer (or pseudo-client) of a CommServe; as a ProtectedWorkload, its backups are those of all its subclients.',
})
export class CommvaultClient implements ProtectedWorkload {
  @Field(() => ID)
  id!: string;

  @Field(() => Upstream)
  upstream!: UpstreamRef;

  @Field(() => Int)
  clientId!: number;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  displayName!: string | null;

  @Field(() => String, { nullable: true })
  hostName!: string | null;

  @Field(() => String, { nullable: true })
  guid!: string | null;

  @Field(() => String, { nullable: true })
  commCellName!: string | null;

  @Field(() => String, { nullable: true, description: '`clientDescription` of `GET /Client/{id}` (one call per client, only when selected; empty is null).' })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'OS name (`OS` of `GET /V4/Servers`: one call per CommServe for every client of the request, only when selected).' })
  osName!: string | null;

  @Field(() => String, { nullable: true, description: 'Commvault software version (`version` of `GET /V4/Servers`, as osName).' })
  version!: string | null;

  /** Resolved by the client resolver from the client's backup history (ProtectedWorkload). */
  lastSuccessfulBackupAt!: Date | null;

  /** Not a field: the record's GraphQL type name (interfaces resolve by it). */
  __typename!: 'CommvaultClient';
  /** Not a field: Commvault's `isDeletedClient`. */
  isDeleted!: boolean | null;
}
