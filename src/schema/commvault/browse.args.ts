import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../unified/page.args.js';

@ArgsType()
export class CommvaultBrowseArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Folder to list, as an entry\'s `path` gives it. Default: the root (`\\`).' })
  path?: string | null;

  @Field(() => Date, { nullable: true, description: 'Show the backed-up data as of this time. Default: the latest backup.' })
  pointInTime?: Date | null;
}

@ArgsType()
export class CommvaultFindArgs extends CommvaultBrowseArgs {
  @Field(() => String, { description: 'File or folder name to look for; `*` matches any run of characters, `?` one (e.g. `*.pdf`).' })
  pattern!: string;
}
