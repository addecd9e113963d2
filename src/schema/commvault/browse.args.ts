import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../unified/page.args.js';

@ArgsType()
export class CommvaultBrowseArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Folder to list, as an entry\'s `path` gives it. Default: the root (`\\`).' })
  path?: string | null;

  @Field(() => Date, { nullable: true, description: 'Show the backed-up data as of this time. Default: the latest backup. Same as `toTime`; give one of them.' })
  pointInTime?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Only versions backed up from this time on (by a backup that ended at or after it). Default: any time.' })
  fromTime?: Date | null;

  @Field(() => Date, { nullable: true, description: 'The end of the time range: the backed-up data as of this time (as `pointInTime`). Default: the latest backup.' })
  toTime?: Date | null;

  @Field(() => Boolean, { defaultValue: false, description: 'Also list files and folders deleted from the client, in their last backed-up version (`isDeleted: true`).' })
  includeDeleted!: boolean;
}

@ArgsType()
export class CommvaultFindArgs extends CommvaultBrowseArgs {
  @Field(() => String, { description: 'File or folder name to look for; `*` matches any run of characters, `?` one (e.g. `*.pdf`).' })
  pattern!: string;
}
