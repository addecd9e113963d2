import { Field, Int, ObjectType } from 'type-graphql';
import { Job } from './job.type.js';
import { PageInfo } from './page-info.type.js';

@ObjectType()
export class JobEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Job)
  node!: Job;
}

@ObjectType({ description: 'Jobs merged across upstreams, newest start first.' })
export class JobConnection {
  @Field(() => [JobEdge])
  edges!: JobEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Matching jobs across the upstreams that answered.' })
  totalCount!: number;
}
