import { registerEnumType } from 'type-graphql';

export enum MediaAgentStatus {
  ONLINE = 'ONLINE',
  OFFLINE = 'OFFLINE',
  MAINTENANCE = 'MAINTENANCE',
  UNKNOWN = 'UNKNOWN',
}

registerEnumType(MediaAgentStatus, { name: 'MediaAgentStatus', description: 'A MediaAgent\'s state as V4 reports it (UNKNOWN for a value not known).' });
