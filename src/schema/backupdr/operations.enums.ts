import { registerEnumType } from 'type-graphql';

export enum BackupDrBackupType {
  DB = 'DB',
  LOG = 'LOG',
}

registerEnumType(BackupDrBackupType, {
  name: 'BackupDrBackupType',
  description: 'What an on-demand console backup captures (BackupNowRest `backuptype`).',
  valuesConfig: {
    DB: { description: 'The application (database) itself: console `db`.' },
    LOG: { description: 'Its logs only: console `log`.' },
  },
});
