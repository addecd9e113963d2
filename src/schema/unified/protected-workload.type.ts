import type { UpstreamRef } from '../../datasources/record.js';
import { Field, ID, InterfaceType } from 'type-graphql';
import { Node, typeOfRecord } from './node.type.js';
import { Upstream } from './upstream.type.js';

/**
 * Something backups protect: a Commvault client today; Commvault subclients and Backup and DR
 * applications and hosts implement it as they arrive.
 */
@InterfaceType('ProtectedWorkload', {
  implements: Node,
  description: 'Something backups protect (a Commvault client; later subclients, Backup and DR applications and hosts).',
  resolveType: typeOfRecord,
})
export abstract class ProtectedWorkload implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Upstream)
  upstream!: UpstreamRef;

  @Field(() => Date, {
    nullable: true,
    description:
      'Start of the newest successful backup (COMPLETED or COMPLETED_WITH_ERRORS): the recovery point it holds. ' +
      'Null when none is in the workload\'s recent backup history. Costs one upstream call per workload.',
  })
  lastSuccessfulBackupAt!: Date | null;
}
