import { Field, Float, Int } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { Node } from '../unified/node.type.js';
import { BackupDrObject } from './console-object.type.js';

@ObjectType('BackupDrBackup', { description: 'A backup image: `GET /backup`.', implements: Node })
export class BackupDrBackup extends BackupDrObject {
  /** Not a field: the record's GraphQL type name (interfaces resolve by it). */
  override __typename!: 'BackupDrBackup';

  @Field(() => String, { nullable: true })
  backupName!: string | null;

  @Field(() => String, { nullable: true })
  label!: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. `snapshot`, `OnVault`, `StreamSnap`.' })
  jobClass!: string | null;

  @Field(() => Int, { nullable: true })
  jobClassCode!: number | null;

  @Field(() => String, { nullable: true, description: '`Primary`, `Mirror` or `Vault`.' })
  characteristic!: string | null;

  @Field(() => String, { nullable: true })
  status!: string | null;

  @Field(() => String, { nullable: true })
  appName!: string | null;

  @Field(() => String, { nullable: true })
  appType!: string | null;

  @Field(() => String, { nullable: true })
  hostName!: string | null;

  @Field(() => Date, { nullable: true })
  consistencyDate!: Date | null;

  @Field(() => Date, { nullable: true })
  backupDate!: Date | null;

  @Field(() => Date, { nullable: true })
  expiration!: Date | null;

  @Field(() => Date, { nullable: true })
  beginPit!: Date | null;

  @Field(() => Date, { nullable: true })
  endPit!: Date | null;

  @Field(() => Float, { nullable: true, description: 'The console\'s `consumedsize`.' })
  consumedSize!: number | null;

  @Field(() => Float, { nullable: true })
  virtualSize!: number | null;

  @Field(() => String, { nullable: true })
  sltName!: string | null;

  @Field(() => String, { nullable: true })
  slpName!: string | null;

  @Field(() => String, { nullable: true })
  policyName!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the console last synced the object from its appliance.' })
  syncedAt!: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'The console could not sync it lately (appliance unreachable).' })
  stale!: boolean | null;

  /** Not a field: a reference the relation resolvers follow. */
  applicationId!: string | null;

  /** Not a field: a reference the relation resolvers follow. */
  applianceId!: string | null;

  /** Not a field: a reference the relation resolvers follow. */
  diskPoolId!: string | null;
}
