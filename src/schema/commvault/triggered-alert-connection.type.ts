import { ObjectType } from '../object-type.js';
import { Connection } from '../unified/connection.type.js';
import { CommvaultTriggeredAlert } from './triggered-alert.type.js';

@ObjectType({ description: 'Triggered alerts merged across CommServes, newest first.' })
export class CommvaultTriggeredAlertConnection extends Connection(CommvaultTriggeredAlert, 'CommvaultTriggeredAlertEdge') {}
