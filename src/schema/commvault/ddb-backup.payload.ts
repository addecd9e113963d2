import { Field } from 'type-graphql';
import type { CvDdbStore, CvJob, CvSubclient } from '../../datasources/commvault/model.js';
import { ObjectType } from '../object-type.js';
import { CommvaultDdbStore } from './ddb-store.type.js';
import { CommvaultJob } from './job.type.js';
import { CommvaultSubclient } from './subclient.type.js';

@ObjectType('BackupDdbPayload', { description: 'A DDB Backup: one full backup of the DDB Backup subclient of each MediaAgent holding a partition of the store.' })
export class BackupDdbPayload {
  @Field(() => CommvaultDdbStore, { description: 'The store backed up.' })
  store!: CvDdbStore;

  @Field(() => [CommvaultSubclient], { description: 'The DDB Backup subclients backed up, one per MediaAgent of the store\'s partitions.' })
  subclients!: CvSubclient[];

  @Field(() => [CommvaultJob], { description: 'The jobs the CommServe started, as it reported them right after, in the order of `subclients`.' })
  jobs!: CvJob[];
}
