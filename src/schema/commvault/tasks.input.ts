import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { IDEMPOTENCY_KEY } from '../unified/idempotency-key.js';

export enum RestoreAcls {
  DATA_AND_ACLS = 'DATA_AND_ACLS',
  ACLS_ONLY = 'ACLS_ONLY',
  DATA_ONLY = 'DATA_ONLY',
}

registerEnumType(RestoreAcls, {
  name: 'RestoreAcls',
  description: 'What a file restore writes of each item: its data with the access control lists, the ACLs alone (onto files that exist), or the data alone.',
});

@InputType({ description: 'Restore files and folders of one Commvault subclient from its backups.' })
export class RestoreFilesInput {
  @Field(() => ID, { description: 'A CommvaultSubclient global id: the backups to restore from.' })
  subclient!: string;

  @Field(() => [String], { description: 'Source paths as the backup holds them (e.g. `C:\\data\\a.txt`, `/srv/www`), 1 to 1000, none empty.' })
  paths!: string[];

  @Field(() => Date, { nullable: true, description: 'Restore the data as it was at this time. Default: the latest backup.' })
  pointInTime?: Date | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: true,
    description: 'Restore to where the data came from (default). False: out of place, to `destinationClient` and `destinationPath`.',
  })
  inPlace?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Out of place only (required then): a CommvaultClient global id on the same CommServe.' })
  destinationClient?: string | null;

  @Field(() => String, { nullable: true, description: 'Out of place only (required then): the folder on the destination client to restore into.' })
  destinationPath?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Overwrite files that exist at the destination, whatever their age. Default false.' })
  overwrite?: boolean | null;

  @Field(() => RestoreAcls, { nullable: true, description: 'Data with its ACLs, the ACLs only, or the data only. Default: the CommServe\'s own (data with ACLs).' })
  acls?: RestoreAcls | null;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;
}

@InputType({ description: 'Copy a storage policy\'s backups to its secondary copies now (auxiliary copy).' })
export class RunAuxCopyInput {
  @Field(() => ID, { description: 'A CommvaultStoragePolicy global id.' })
  storagePolicy!: string;

  @Field(() => String, { nullable: true, description: 'The name of one secondary copy of the policy. Default: every copy.' })
  copy?: string | null;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;
}

@InputType({ description: 'One storage policy copy to age.' })
export class DataAgingCopyInput {
  @Field(() => ID, { description: 'A CommvaultStoragePolicy global id.' })
  storagePolicy!: string;

  @Field(() => String, { description: 'The name of one of its copies.' })
  copy!: string;
}

@InputType({ description: 'Run data aging now: prune what is past retention, on every copy or on chosen ones.' })
export class RunDataAgingInput {
  @Field(() => ID, {
    nullable: true,
    description: 'The CommServe (upstream id). Required when `copies` is omitted; when given with `copies`, it must be theirs.',
  })
  upstream?: string | null;

  @Field(() => [DataAgingCopyInput], { nullable: true, description: 'Policy copies to age, 1 to 100, all on one CommServe, no repeats. Default: every copy.' })
  copies?: DataAgingCopyInput[] | null;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;
}
