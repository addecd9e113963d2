import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from '../unified/node.type.js';
import { Upstream } from '../unified/upstream.type.js';

@ObjectType('BackupDrRole', { description: 'A console role (`GET /role`).', implements: Node })
export class BackupDrRole implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => Upstream)
  upstream!: Upstream;

  @Field(() => ID, { description: 'The console\'s own id (a numeric string).' })
  consoleId!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => Date, { nullable: true })
  createdAt!: Date | null;

  @Field(() => [String])
  rights!: string[];
}
