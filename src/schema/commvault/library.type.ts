import type { UpstreamRef } from '../../datasources/record.js';
import { Field, Float, ID, Int } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import type { CvMountPath } from '../../datasources/commvault/model.js';
import { Node } from '../unified/node.type.js';
import { Upstream } from '../unified/upstream.type.js';

@ObjectType('CommvaultMountPath', { description: 'A mount path of a disk library, with its space.' })
export class CommvaultMountPath {
  @Field(() => Int)
  mountPathId!: number;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  status!: string | null;

  @Field(() => Float, { nullable: true })
  capacityBytes!: number | null;

  @Field(() => Float, { nullable: true })
  freeBytes!: number | null;

  @Field(() => Float, { nullable: true })
  dataWrittenBytes!: number | null;

  @Field(() => Float, { nullable: true })
  estimatedRunoutDays!: number | null;
}

@ObjectType('CommvaultLibrary', {
  implements: Node,
  description: 'A library (`GET /Library`); status, mount paths and space load its details.',
})
export class CommvaultLibrary implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => Upstream)
  upstream!: UpstreamRef;

  @Field(() => Int)
  libraryId!: number;

  @Field(() => String)
  name!: string;

  /** Not a field: the record's GraphQL type name (interfaces resolve by it). */
  __typename!: 'CommvaultLibrary';
  /** Not fields as such: known only from `GET /Library/{id}` (null from the list), which the resolvers load. */
  status!: string | null;
  libraryType!: string | null;
  mountPaths!: CvMountPath[] | null;
}
