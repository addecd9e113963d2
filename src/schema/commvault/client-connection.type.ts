import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../unified/page-info.type.js';
import { CommvaultClient } from './client.type.js';

@ObjectType()
export class CommvaultClientEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => CommvaultClient)
  node!: CommvaultClient;
}

@ObjectType({ description: 'Clients merged across CommServes, by name.' })
export class CommvaultClientConnection {
  @Field(() => [CommvaultClientEdge])
  edges!: CommvaultClientEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
