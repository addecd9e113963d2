import { ArgsType, Field, Int } from 'type-graphql';

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1..server.maxPageSize. Default 20.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'A cursor from a previous page of the same query.' })
  after?: string | null;
}
