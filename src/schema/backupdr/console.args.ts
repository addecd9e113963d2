import { ArgsType, Field, ID } from 'type-graphql';

@ArgsType()
export class BackupDrConsoleArgs {
  @Field(() => ID, { description: 'The console\'s upstream id from the gateway configuration.' })
  upstream!: string;
}
