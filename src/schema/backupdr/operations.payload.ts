import { Field, ID } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { BackupDrApplication } from './application.type.js';
import { BackupDrBackup } from './backup.type.js';
import { BackupDrJob } from './job.type.js';
import { BackupDrSla } from './sla.type.js';

const JOB = 'The job the console started, found by its label on `/jobstatus`; null when it did not show up in time (see jobFound).';
const JOB_FOUND = 'Whether the job showed up within the lookup time (upstreams[].jobLookup). False: the console took the request; look for the job by `label`.';
const LABEL = 'The label the job carries (yours, or the one the gateway made).';

@ObjectType('BackupApplicationPayload')
export class BackupApplicationPayload {
  @Field(() => BackupDrJob, { nullable: true, description: JOB })
  job!: BackupDrJob | null;

  @Field(() => Boolean, { description: JOB_FOUND })
  jobFound!: boolean;

  @Field(() => String, { description: LABEL })
  label!: string;
}

@ObjectType('MountBackupPayload')
export class MountBackupPayload {
  @Field(() => BackupDrBackup, { nullable: true, description: 'The image as the console shows it after the mount.' })
  backup!: BackupDrBackup | null;

  @Field(() => BackupDrJob, { nullable: true, description: JOB })
  job!: BackupDrJob | null;

  @Field(() => Boolean, { description: JOB_FOUND })
  jobFound!: boolean;

  @Field(() => String, { description: LABEL })
  label!: string;
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
