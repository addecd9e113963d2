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

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => String, { nullable: true })
  osName!: string | null;

  @Field(() => String, { nullable: true })
  version!: string | null;

  /** Resolved by the client resolver from the client's backup history (ProtectedWorkload). */
  lastSuccessfulBackupAt!: Date | null;

  /** Not a field: the record's GraphQL type name (interfaces resolve by it). */
  __typename!: 'CommvaultClient';
  /** Not a field: Commvault's `isDeletedClient`. */
  isDeleted!: boolean | null;
}
