import type { UpstreamRef } from '../../datasources/record.js';
import { Field, ID } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { Node } from '../unified/node.type.js';
import { Upstream } from '../unified/upstream.type.js';

/**
 * The fields every object a console lists carries: its global id, the console it came from and the
 * console's own id. A base for the console's object types, never a type of its own in the schema
 * (nothing refers to it, so type-graphql does not emit it).
 */
@ObjectType()
export abstract class BackupDrObject implements Node {
  /** Not a field: the record's GraphQL type name (each subclass names its own). */
  __typename!: string;

  @Field(() => ID)
  id!: string;

  @Field(() => Upstream)
  upstream!: UpstreamRef;

  @Field(() => ID, { description: 'The console\'s own id (a numeric string).' })
  consoleId!: string;
}
