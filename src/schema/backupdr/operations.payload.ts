import { Field, ID } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { BackupDrApplication } from './application.type.js';
import { BackupDrBackup } from './backup.type.js';
import { BackupDrJob } from './job.type.js';
import { BackupDrSla } from './sla.type.js';

/**
 * What a payload of a job-starting console write says of the job (the console answers without one:
 * it is looked for by its label). A base only, never a type of its own in the schema.
 */
@ObjectType()
abstract class StartedJobPayload {
  @Field(() => BackupDrJob, { nullable: true, description: 'The job the console started, found by its label on `/jobstatus`; null when it did not show up in time (see jobFound).' })
  job!: BackupDrJob | null;

  @Field(() => Boolean, { description: 'Whether the job showed up within the lookup time (upstreams[].jobLookup). False: the console took the request; look for the job by `label`.' })
  jobFound!: boolean;

  @Field(() => String, { description: 'The label the job carries (yours, or the one the gateway made).' })
  label!: string;
}

@ObjectType('BackupApplicationPayload')
export class BackupApplicationPayload extends StartedJobPayload {}

@ObjectType('MountBackupPayload')
export class MountBackupPayload extends StartedJobPayload {
  @Field(() => BackupDrBackup, { nullable: true, description: 'The image as the console shows it after the mount.' })
  backup!: BackupDrBackup | null;
}

@ObjectType('UnmountBackupPayload')
export class UnmountBackupPayload {
  @Field(() => BackupDrBackup, { nullable: true, description: 'The image as the console shows it after the unmount (null once it is gone).' })
  backup!: BackupDrBackup | null;
}

@ObjectType('ExpireBackupPayload')
export class ExpireBackupPayload {
  @Field(() => ID, { description: 'The image id as given.' })
  backupId!: string;

  @Field(() => BackupDrBackup, { nullable: true, description: 'The image if the console still shows it (expiry may take a while); null once it is gone.' })
  backup!: BackupDrBackup | null;
}

@ObjectType('UpdateBackupPayload')
export class UpdateBackupPayload {
  @Field(() => BackupDrBackup, { nullable: true, description: 'The image as the console answered the change.' })
  backup!: BackupDrBackup | null;
}

@ObjectType('UpdateSlaPayload')
export class UpdateSlaPayload {
  @Field(() => BackupDrSla, { nullable: true, description: 'The SLA as the console answered the change.' })
  sla!: BackupDrSla | null;
}

@ObjectType('ApplySlaPayload')
export class ApplySlaPayload {
  @Field(() => BackupDrSla, { nullable: true, description: 'The new SLA as the console answered it.' })
  sla!: BackupDrSla | null;
}

@ObjectType('RemoveSlaPayload')
export class RemoveSlaPayload {
  @Field(() => ID, { description: 'The SLA id as given; the console removed it.' })
  slaId!: string;
}

@ObjectType('UpdateApplicationPayload')
export class UpdateApplicationPayload {
  @Field(() => BackupDrApplication, { nullable: true, description: 'The application as the console shows it after the change.' })
  application!: BackupDrApplication | null;
}
