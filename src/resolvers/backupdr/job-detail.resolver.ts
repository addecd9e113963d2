import { FieldResolver, Resolver, Root } from 'type-graphql';
import { consoleJobDetail } from '../../datasources/backupdr/job-detail.js';
import type { BdrJob } from '../../datasources/backupdr/model.js';
import type { JobDetailRecord } from '../../datasources/job-detail.js';
import { BackupDrJob } from '../../schema/backupdr/job.type.js';
import { JobDetail } from '../../schema/unified/job-detail.type.js';

@Resolver(() => BackupDrJob)
export class BackupDrJobDetailResolver {
  @FieldResolver(() => JobDetail, { description: 'The job\'s detail in the shape Commvault jobs give it, from this job\'s own fields (free).' })
  detail(@Root() job: BdrJob): JobDetailRecord {
    return consoleJobDetail(job);
  }
}
