import { ObjectType } from '../object-type.js';
import { Connection } from './connection.type.js';
import { Job } from './job.type.js';

@ObjectType({ description: 'Jobs merged across upstreams, newest first by start time (queued jobs by queue time); cursors hold a place in that order.' })
export class JobConnection extends Connection(Job, 'JobEdge') {}
