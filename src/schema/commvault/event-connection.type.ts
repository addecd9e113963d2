import { ObjectType } from '../object-type.js';
import { Connection } from '../unified/connection.type.js';
import { CommvaultEvent } from './event.type.js';

@ObjectType({ description: 'Events merged across CommServes, newest first.' })
export class CommvaultEventConnection extends Connection(CommvaultEvent, 'CommvaultEventEdge') {}
