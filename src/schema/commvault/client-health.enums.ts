import { registerEnumType } from 'type-graphql';

export enum NetworkReadiness {
  ONLINE = 'ONLINE',
  OFFLINE = 'OFFLINE',
  UNKNOWN = 'UNKNOWN',
  NOT_APPLICABLE = 'NOT_APPLICABLE',
}

registerEnumType(NetworkReadiness, { name: 'NetworkReadiness', description: 'Whether the CommServe can reach a client (`networkReadiness` of `GET /V4/Servers`).' });

export enum UpdateState {
  UP_TO_DATE = 'UP_TO_DATE',
  NEEDS_UPDATE = 'NEEDS_UPDATE',
  AHEAD_OF_CACHE = 'AHEAD_OF_CACHE',
  HAS_DIAGNOSTIC_UPDATES = 'HAS_DIAGNOSTIC_UPDATES',
  OTHER_SOFTWARE = 'OTHER_SOFTWARE',
  PENDING = 'PENDING',
  NOT_APPLICABLE = 'NOT_APPLICABLE',
  UNKNOWN = 'UNKNOWN',
}

registerEnumType(UpdateState, {
  name: 'UpdateState',
  description: 'A client\'s Commvault software against the CommServe\'s update cache (`updateState` of `GET /V4/Servers`; a value not known reads UNKNOWN).',
});

export enum ClientProtectionStatus {
  PROTECTED = 'PROTECTED',
  UNPROTECTED = 'UNPROTECTED',
  NOT_CONFIGURED = 'NOT_CONFIGURED',
}

registerEnumType(ClientProtectionStatus, {
  name: 'ClientProtectionStatus',
  description: 'Whether a client\'s data is backed up, judged as `unprotectedWorkloads` judges it.',
  valuesConfig: {
    PROTECTED: { description: 'A successful backup within the window.' },
    UNPROTECTED: { description: 'Agents installed, but no successful backup within the window (see `unprotectedWorkloads` for why).' },
    NOT_CONFIGURED: { description: 'No agent installed or the client is not configured: nothing is expected to back it up.' },
  },
});
