import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from '../unified/node.type.js';
import { Upstream } from '../unified/upstream.type.js';

@ObjectType('BackupDrOrganization', { description: 'A console organization (`GET /org`).', implements: Node })
export class BackupDrOrganization implements Node {
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

  @Field(() => Date, { nullable: true })
  modifiedAt!: Date | null;
}
