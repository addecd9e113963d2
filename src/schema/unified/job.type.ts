import type { UpstreamRef } from '../../datasources/record.js';
import { Field, Float, ID, InterfaceType } from 'type-graphql';
import type { JobDetailRecord } from '../../datasources/job-detail.js';
import { JobDetail } from './job-detail.type.js';
import { JobStatus } from './job-status.enum.js';
import { Node, typeOfRecord } from './node.type.js';
import { Upstream } from './upstream.type.js';

@InterfaceType('Job', { implements: Node, description: 'A backup, restore or administrative job of any product.', resolveType: typeOfRecord })
export abstract class Job implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => Upstream)
  upstream!: UpstreamRef;

  @Field(() => JobStatus)
  status!: JobStatus;

  @Field(() => String, { nullable: true, description: 'The product\'s job type, e.g. `Backup`, `Restore`.' })
  jobType!: string | null;

  @Field(() => Date, { nullable: true })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Null while the job runs.' })
  endedAt!: Date | null;

  @Field(() => Float, { nullable: true, description: 'Size of the protected data the job processed, bytes.' })
  sizeBytes!: number | null;

  @Field(() => JobDetail, {
    nullable: true,
    description:
      'Phases, reasons, attempts, throughput, files and bytes, asked for on demand: one `POST /JobDetails` per Commvault job, ' +
      'free for a console job (docs/schema.md, "Job detail").',
  })
  /** Optional: records never carry it, each product's job-detail resolver answers it. */
  detail?: JobDetailRecord | null;
}
