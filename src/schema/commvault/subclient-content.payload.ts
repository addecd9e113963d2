import { Field, ID, Int } from 'type-graphql';
import type { CvJob, CvSubclient } from '../../datasources/commvault/model.js';
import { ObjectType } from '../object-type.js';
import { OperationError } from '../unified/operation-error.type.js';
import { CommvaultJob } from './job.type.js';
import { CommvaultSubclient } from './subclient.type.js';
import { ContentOperation } from './subclient-content.input.js';

@ObjectType('UpdateSubclientContentPayload')
export class UpdateSubclientContentPayload {
  @Field(() => CommvaultSubclient)
  subclient!: CvSubclient;

  @Field(() => ContentOperation)
  operation!: ContentOperation;

  @Field(() => [String], { description: 'Content paths as the CommServe holds them after the change (read back).' })
  contentPaths!: string[];

  @Field(() => [String], { description: 'Filters after the change (read back).' })
  filters!: string[];

  @Field(() => [String], { description: 'Exceptions after the change (read back).' })
  exceptions!: string[];
}

@ObjectType('BackupsetSubclientBackup', { description: 'The backup of one subclient of a backup set: its jobs, or why it did not start.' })
export class BackupsetSubclientBackup {
  @Field(() => CommvaultSubclient)
  subclient!: CvSubclient;

  @Field(() => [CommvaultJob], { description: 'The jobs the CommServe started for this subclient; empty when it failed.' })
  jobs!: CvJob[];

  @Field(() => OperationError, { nullable: true, description: 'Why this subclient\'s backup did not start (UPSTREAM_UNCERTAIN: it may have).' })
  error!: { code: string; message: string } | null;
}

@ObjectType('BackupBackupsetPayload')
export class BackupBackupsetPayload {
  @Field(() => ID)
  backupset!: string;

  @Field(() => [BackupsetSubclientBackup], { description: 'One entry per subclient of the backup set, in the CommServe\'s order.' })
  subclients!: BackupsetSubclientBackup[];

  @Field(() => [Int], { description: 'Every job id started, over all subclients.' })
  jobIds!: number[];

  @Field(() => Boolean, { description: 'Whether every subclient\'s backup started.' })
  complete!: boolean;
}
