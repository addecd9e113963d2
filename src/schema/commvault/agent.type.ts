import type { UpstreamRef } from '../../datasources/record.js';
import { Field, Int } from 'type-graphql';
import { ObjectType } from '../object-type.js';

@ObjectType('CommvaultAgent', { description: 'An iDataAgent installed on a client (e.g. Windows File System).' })
export class CommvaultAgent {
  @Field(() => String)
  name!: string;

  @Field(() => Int)
  applicationId!: number;

  @Field(() => Int)
  clientId!: number;

  /** Not a field: the CommServe the record was read from (its child levels load there). */
  upstream!: UpstreamRef;
}
