import { Field, Int } from 'type-graphql';
import type {
  CvActivity,
  CvActivityControl,
  CvCommServe,
  CvDrBackupSettings,
  CvHealthCondition,
  CvHealthConditionType,
  CvLicence,
  CvLicenceMode,
  CvRegistration,
} from '../../datasources/commvault/commserve-model.js';
import type { UpstreamRef } from '../../datasources/record.js';
import { ObjectType } from '../object-type.js';
import type { Holds, Same } from '../record-checks.js';
import { Upstream } from '../unified/upstream.type.js';
import { Activity, HealthConditionType, LicenceMode } from './commserve.enums.js';

@ObjectType('CommServeLicence', { description: 'The CommServe\'s licence as V4 shows it (`GET /V4/License`).' })
export class CommServeLicence {
  @Field(() => Int, { nullable: true })
  commCellId!: number | null;

  @Field(() => String, { nullable: true, description: 'E.g. `Commvault`, `Commvault Express`, `Metallic`.' })
  edition!: string | null;

  @Field(() => LicenceMode, { nullable: true })
  mode!: CvLicenceMode | null;

  @Field(() => String, { nullable: true, description: '`licenseMode` as sent.' })
  modeText!: string | null;

  @Field(() => String, { nullable: true })
  serialNumber!: string | null;

  @Field(() => String, { nullable: true })
  registrationCode!: string | null;

  @Field(() => String, { nullable: true })
  commServeIpAddress!: string | null;

  @Field(() => String, { nullable: true, description: 'The IP address the licence is bound to.' })
  licenceIpAddress!: string | null;

  @Field(() => Date, { nullable: true })
  expiresAt!: Date | null;
}

@ObjectType('CommServeRegistration', { description: 'The CommCell\'s registration (`GET /CommcellRegistrationInformation`, V1: present on every service pack).' })
export class CommServeRegistration {
  @Field(() => Int, { nullable: true })
  commCellId!: number | null;

  @Field(() => String, { nullable: true, description: 'The CommCell id as Commvault shows it: hex, `FFFFF` for -1.' })
  commCellIdHex!: string | null;

  @Field(() => String, { nullable: true, description: '`csHostNameOrAddress`.' })
  commServeHost!: string | null;

  @Field(() => String, { nullable: true })
  licenceIpAddress!: string | null;

  @Field(() => String, { nullable: true, description: 'The reseller the CommCell is licensed through.' })
  oemName!: string | null;

  @Field(() => String, { nullable: true })
  registrationCode!: string | null;

  @Field(() => String, { nullable: true })
  serialNumber!: string | null;

  @Field(() => String, { nullable: true, description: '`licenseMode` as sent (no source fixes its type).' })
  licenceMode!: string | null;

  @Field(() => Date, { nullable: true, description: '`expiryDate` when it is a Unix time.' })
  expiresAt!: Date | null;

  @Field(() => String, { nullable: true, description: '`expiryDate` as sent.' })
  expiryText!: string | null;
}

@ObjectType('CommServeHealthCondition', {
  description: 'A condition the CommServe reports (`GET /V4/AnomalousConditions`): high CPU or memory use, an offline client, an anomalous runtime or event.',
})
export class CommServeHealthCondition {
  @Field(() => Date, { nullable: true })
  at!: Date | null;

  @Field(() => HealthConditionType)
  type!: CvHealthConditionType;

  @Field(() => String, { nullable: true, description: '`anomalyType` as sent, e.g. `High CPU usage`.' })
  typeText!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => Int, { nullable: true, description: 'The client (or the CommServe\'s own client) it is about.' })
  clientId!: number | null;

  @Field(() => String, { nullable: true })
  clientName!: string | null;
}

@ObjectType('ActivityControl', { description: 'Whether one activity may run (activity control), on the CommCell or on one client.' })
export class ActivityControl {
  @Field(() => Activity)
  activity!: CvActivity;

  @Field(() => Int, { description: 'The upstream\'s `activityType` code.' })
  code!: number;

  @Field(() => Boolean)
  enabled!: boolean;

  @Field(() => Date, { nullable: true, description: 'When a disabled activity turns itself back on; null when it does not.' })
  reEnableAt!: Date | null;
}

@ObjectType('CommServeDrBackup', {
  description: 'Disaster recovery backup of the CommServe database: its settings (`GET /Commcell/DRBackup/Properties`) and its last job.',
})
export class CommServeDrBackup {
  @Field(() => Upstream)
  upstream!: UpstreamRef;

  @Field(() => String, { nullable: true, description: 'Where DR backups are written (`backupMetadataFolder`).' })
  metadataFolder!: string | null;

  @Field(() => Int, { nullable: true, description: 'How many DR backups the folder keeps (`numberOfMetadata`).' })
  copiesKept!: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether VSS is used (`isUseVSS`).' })
  useVss!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether DR backups are also uploaded to Commvault\'s cloud.' })
  uploadToCloud!: boolean | null;

  @Field(() => String, { nullable: true })
  cloudLibraryName!: string | null;

  @Field(() => String, { nullable: true, description: 'The storage policy DR backups are also written to.' })
  storagePolicyName!: string | null;
}

@ObjectType('CommServe', { description: 'A CommServe (or Commvault Cloud tenant\'s CommCell) as it describes itself (`GET /CommServ`).' })
export class CommServe {
  @Field(() => Upstream)
  upstream!: UpstreamRef;

  @Field(() => Int)
  commCellId!: number;

  @Field(() => String, { description: 'The CommCell name.' })
  name!: string;

  @Field(() => String, { nullable: true })
  guid!: string | null;

  @Field(() => String, { nullable: true })
  hostName!: string | null;

  @Field(() => String, { nullable: true, description: '`csVersionInfo` as sent, e.g. `11.32.45` or `11 SP32+`.' })
  version!: string | null;

  @Field(() => Int, { nullable: true, description: 'The service pack (`currentSPVersion`).' })
  servicePack!: number | null;

  @Field(() => String, { nullable: true, description: 'E.g. `11.32`.' })
  release!: string | null;

  @Field(() => String, { nullable: true, description: 'E.g. `(UTC-05:00) Eastern Time (US & Canada)`.' })
  timeZone!: string | null;

  /** Not a field: the record's GraphQL type name. */
  __typename!: 'CommServe';
}

export type CommServeRecordChecks = [
  Holds<Same<CommServe, CvCommServe>>,
  Holds<Same<CommServeLicence, CvLicence>>,
  Holds<Same<CommServeRegistration, CvRegistration>>,
  Holds<Same<CommServeHealthCondition, CvHealthCondition>>,
  Holds<Same<ActivityControl, CvActivityControl>>,
  Holds<Same<CommServeDrBackup, CvDrBackupSettings>>,
];
