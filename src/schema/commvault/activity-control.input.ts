import { Field, ID, InputType } from 'type-graphql';
import { IDEMPOTENCY_KEY } from '../unified/idempotency-key.js';
import { Activity } from './commserve.enums.js';

@InputType({ description: 'Enable or disable one activity of a CommCell, or of one of its clients (activity control).' })
export class ActivityControlInput {
  @Field(() => ID, {
    nullable: true,
    description: 'A CommvaultClient global id: act on that client alone (BACKUP, RESTORE or DATA_AGING). Without it, the whole CommCell.',
  })
  client?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The Commvault upstream instance id (as `Upstream.id`). Required when you may see more than one Commvault upstream.',
  })
  upstream?: string | null;

  @Field(() => Activity, { description: 'Not OTHER.' })
  activity!: Activity;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;
}
