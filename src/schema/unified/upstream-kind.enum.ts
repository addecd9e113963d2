import { registerEnumType } from 'type-graphql';

export enum UpstreamKind {
  COMMVAULT = 'COMMVAULT',
  COMMVAULT_CLOUD = 'COMMVAULT_CLOUD',
  BACKUPDR = 'BACKUPDR',
}

registerEnumType(UpstreamKind, {
  name: 'UpstreamKind',
  description: 'The product behind an upstream instance.',
  valuesConfig: {
    COMMVAULT: { description: 'A Commvault CommServe (on-premises).' },
    COMMVAULT_CLOUD: { description: 'A Commvault Cloud tenant (same API, strict rate limits).' },
    BACKUPDR: { description: 'A Google Cloud Backup and DR management console.' },
  },
});
