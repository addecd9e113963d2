import { Field, Float } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { Connection } from '../unified/connection.type.js';

@ObjectType('CommvaultBrowseEntry', { description: 'A file or folder in a subclient\'s backed-up data, as of the point in time browsed.' })
export class CommvaultBrowseEntry {
  @Field(() => String, { description: 'Full path as Commvault prints it (`C:\\Users\\a.txt`, `/var/log/x.log`); pass it back as `path` to browse into a folder.' })
  path!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Boolean)
  isDirectory!: boolean;

  @Field(() => Float, { nullable: true, description: 'Bytes; a folder\'s is the sum of its backed-up files. Null when Commvault does not say.' })
  sizeBytes!: number | null;

  @Field(() => Date, { nullable: true, description: 'The file\'s own modification time in the backed-up version.' })
  modifiedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the backup holding this version ended.' })
  backedUpAt!: Date | null;

  @Field(() => Boolean, { description: 'Deleted from the client since this version was backed up; listed only with `includeDeleted: true`. A folder is deleted when all it holds is.' })
  isDeleted!: boolean;
}

@ObjectType({ description: 'A page of a subclient\'s backed-up files and folders.' })
export class CommvaultBrowseEntryConnection extends Connection(CommvaultBrowseEntry, 'CommvaultBrowseEntryEdge') {}
