import { Field, ID } from 'type-graphql';
import { ObjectType } from '../object-type.js';


@ObjectType('BackupDrNamedRef', { description: 'A console object named by another (e.g. an organization in `orglist`).' })
export class BackupDrNamedRef {
  @Field(() => ID)
  consoleId!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;
}
