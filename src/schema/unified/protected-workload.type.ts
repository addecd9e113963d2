import type { UpstreamRef } from '../../datasources/record.js';
import { Field, ID, InterfaceType } from 'type-graphql';
import { Node, typeOfRecord } from './node.type.js';
import { Upstream } from './upstream.type.js';

/**
 * Something backups protect, in either product: a Commvault client (its backups are those of all its
 * subclients), a Commvault subclient (its own backups), a Backup and DR application (its capture jobs,
 * and the host it runs on). docs/schema.md, "Protected workloads", gives each one's formula and cost.
 */
@InterfaceType('ProtectedWorkload', {
  implements: Node,
  description:
    'Something backups protect: a Commvault client or subclient, or a Backup and DR application (with its host). ' +
    'See docs/schema.md, "Protected workloads", for what counts as a successful backup of each.',
  resolveType: typeOfRecord,
})
export abstract class ProtectedWorkload implements Node {
  @Field(() => ID, { description: 'Global id: opaque, stable, unique across all upstreams.' })
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Upstream)
  upstream!: UpstreamRef;

  @Field(() => String, {
    nullable: true,
    description: 'The machine the workload runs on: a client\'s host name, a subclient\'s client\'s, an application\'s host.',
  })
  hostName!: string | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'Start of the newest successful backup (COMPLETED or COMPLETED_WITH_ERRORS): the recovery point it holds. ' +
      'Null when none is in the workload\'s backup history. Batched per upstream (docs/schema.md gives the calls).',
  })
  lastSuccessfulBackupAt!: Date | null;
}
