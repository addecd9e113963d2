import { ObjectType } from '../object-type.js';
import { BackupEvent } from './backup-event.type.js';
import { Connection } from './connection.type.js';

@ObjectType({ description: 'Events and alerts merged across upstreams and products, newest first.' })
export class BackupEventConnection extends Connection(BackupEvent, 'BackupEventEdge') {}
