import { ObjectType } from '../object-type.js';
import { Connection } from './connection.type.js';
import { Job } from './job.type.js';

@ObjectType({ description: 'Jobs merged across upstreams, newest start first.' })
export class JobConnection extends Connection(Job, 'JobEdge') {}
