import { registerEnumType } from 'type-graphql';

export enum BackupLevel {
  FULL = 'FULL',
  INCREMENTAL = 'INCREMENTAL',
  DIFFERENTIAL = 'DIFFERENTIAL',
  SYNTHETIC_FULL = 'SYNTHETIC_FULL',
}

registerEnumType(BackupLevel, { name: 'BackupLevel', description: 'The level of an on-demand Commvault backup.' });
