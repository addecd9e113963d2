import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../unified/page-info.type.js';
import { CommvaultEvent } from './event.type.js';

@ObjectType()
export class CommvaultEventEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => CommvaultEvent)
  node!: CommvaultEvent;
}

@ObjectType({ description: 'Events merged across CommServes, newest first.' })
export class CommvaultEventConnection {
  @Field(() => [CommvaultEventEdge])
  edges!: CommvaultEventEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
