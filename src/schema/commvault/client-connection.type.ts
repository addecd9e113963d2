import { ObjectType } from '../object-type.js';
import { Connection } from '../unified/connection.type.js';
import { CommvaultClient } from './client.type.js';

@ObjectType({ description: 'Clients merged across CommServes, by name.' })
export class CommvaultClientConnection extends Connection(CommvaultClient, 'CommvaultClientEdge') {}
