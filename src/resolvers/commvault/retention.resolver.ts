import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { CvPlanCopyJob } from '../../datasources/commvault/admin-model.js';
import type { CommvaultSource } from '../../datasources/commvault/commvault-source.js';
import type { CvRetentionRule } from '../../datasources/commvault/protection-model.js';
import {
  applyRetentionChange, planDestinationRetentionBody, retentionChangeProblem, shortensRetention, storagePolicyCopyRetentionBody,
  type CvRetentionHolder,
} from '../../datasources/commvault/retention-change.js';
import { badUserInput, notFound } from '../../errors/gateway-error.js';
import { runMutation } from '../../mutations/run-mutation.js';
import { RetentionInput } from '../../schema/commvault/retention.input.js';
import { UpdateRetentionPayload } from '../../schema/commvault/update-retention.payload.js';
import { IDEMPOTENCY_KEY } from '../../schema/unified/idempotency-key.js';
import { fromGlobalId } from '../../util/global-id.js';
import { copyAgingSummary, planDestinationAgingRule } from './copy-aging.js';
import { commvaultSource } from './sources.js';
import { PolicyCopies } from './policy-copies.js';

/** What a retention target names, and how to read and write its rule. */
interface RetentionTarget {
  source: CommvaultSource;
  holder: CvRetentionHolder;
  copyId: number;
  /** The rule as the CommServe has it now (read past the cache). */
  before: CvRetentionRule;
  /** The destination's pool is WORM: nothing may shorten it. */
  worm: boolean;
  /** Sends the change. */
  write(after: CvRetentionRule): Promise<void>;
  /** The rule as read back after the write, or null when that read fails. */
  readBack(): Promise<CvRetentionRule | null>;
  /** The rule data aging applies given `after`: a plan destination's cycles and job count are its storage policy copy's. */
  agingRule(after: CvRetentionRule): Promise<CvRetentionRule>;
}

const TARGET_TYPES: Readonly<Record<string, CvRetentionHolder>> = {
  CommvaultPlanBackupDestination: 'planDestination',
  CommvaultStoragePolicyCopy: 'storagePolicyCopy',
};

/**
 * `updateRetention` (docs/schema.md, "Plans and retention"): one retention rule changed, on a plan
 * backup destination (`PUT /V4/ServerPlan/{planId}/BackupDestination/{copyId}`) or a legacy storage policy
 * copy (`PUT /V2/StoragePolicy/{id}/Copy/{copyId}`). Every check runs before anything is sent: a bad
 * input, a WORM pool shortened or a shortening without `confirmShorten` is BAD_USER_INPUT with no write.
 * A dry run sends nothing and says which jobs the next data aging run would prune under the new rule.
 */
@Resolver()
export class CommvaultRetentionResolver {
  @Mutation(() => UpdateRetentionPayload, {
    description:
      'Change the retention of a plan backup destination or storage policy copy. Shortening it (fewer days, cycles or jobs, an extended rule removed or shortened, aging switched on) needs `confirmShorten: true`; `dryRun: true` sends nothing and lists the jobs the next data aging run would prune under the new rule. Never retried.',
  })
  async updateRetention(
    @Arg('target', () => ID, { description: 'A CommvaultPlanBackupDestination or CommvaultStoragePolicyCopy id.' }) target: string,
    @Arg('input', () => RetentionInput) input: RetentionInput,
    @Arg('dryRun', () => Boolean, { defaultValue: false }) dryRun: boolean,
    @Arg('confirmShorten', () => Boolean, { defaultValue: false }) confirmShorten: boolean,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY }) idempotencyKey: string | null | undefined,
    @Ctx() ctx: GatewayContext,
  ): Promise<UpdateRetentionPayload> {
    const parsed = parseTarget(target);
    const found = await readTarget(ctx, parsed);
    const problem = retentionChangeProblem(found.before, input, found.holder);
    if (problem) throw badUserInput(problem);
    const after = applyRetentionChange(found.before, input);
    const shortens = shortensRetention(found.before, after);
    if (shortens && found.worm) throw badUserInput('The destination\'s storage pool is WORM: its retention cannot be shortened');
    if (shortens && !dryRun && !confirmShorten) {
      throw badUserInput('This change shortens retention (jobs may be pruned sooner): send confirmShorten: true to make it, or dryRun: true to see which jobs');
    }
    const eligible = async (): Promise<CvPlanCopyJob[]> => (await copyAgingSummary(found.source, found.copyId, found.agingRule(after))).eligibleJobs;
    if (dryRun) {
      return Object.assign(new UpdateRetentionPayload(), { target, applied: false, shortens, before: found.before, after, jobsEligibleForAging: await eligible() });
    }
    const done = await runMutation(
      ctx,
      {
        operation: 'updateRetention',
        input: { target, input, confirmShorten },
        idempotencyKey,
        targets: [target],
        summarize: (result: UpdateRetentionPayload) => ({
          shortens: result.shortens,
          before: result.before,
          after: result.after,
          jobsEligibleForAging: result.jobsEligibleForAging.map((j) => j.jobId),
        }),
      },
      // The whole payload is the outcome: a replay by idempotency key answers the first run's rules.
      async (): Promise<UpdateRetentionPayload> => {
        // Read before the write: what the rule will let the next aging run prune, from the list as it is.
        const jobs = await eligible();
        await found.write(after);
        const readBack = (await found.readBack()) ?? after;
        return Object.assign(new UpdateRetentionPayload(), { target, applied: true, shortens, before: found.before, after: readBack, jobsEligibleForAging: jobs });
      },
    );
    return done;
  }
}

interface ParsedTarget {
  instanceId: string;
  holder: CvRetentionHolder;
  /** Plan id or storage policy id. */
  ownerId: number;
  copyId: number;
}

function parseTarget(target: string): ParsedTarget {
  const parts = fromGlobalId(target);
  const holder = TARGET_TYPES[parts.typeName];
  const ids = /^(\d{1,15})\.(\d{1,15})$/.exec(parts.localId);
  if (!holder || !ids) throw badUserInput(`"${target.slice(0, 80)}" is not a CommvaultPlanBackupDestination or CommvaultStoragePolicyCopy id`);
  return { instanceId: parts.instanceId, holder, ownerId: Number(ids[1]), copyId: Number(ids[2]) };
}

async function readTarget(ctx: GatewayContext, t: ParsedTarget): Promise<RetentionTarget> {
  const source = commvaultSource(ctx, t.instanceId);
  if (t.holder === 'planDestination') {
    const read = async () => (await source.listPlanBackupDestinations(t.ownerId, { fresh: true }))?.find((d) => d.copyId === t.copyId) ?? null;
    const destination = await read();
    if (!destination) throw notFound(`Plan ${t.ownerId} has no backup destination ${t.copyId} on ${source.instanceId}`);
    const before = destination.retention;
    return {
      source, holder: t.holder, copyId: t.copyId, before, worm: destination.worm === true,
      write: (after) => source.updatePlanDestinationRetention(t.ownerId, t.copyId, planDestinationRetentionBody(before, after)),
      readBack: async () => (await read().catch(() => null))?.retention ?? null,
      agingRule: (after) => planDestinationAgingRule(source, t.ownerId, t.copyId, after),
    };
  }
  const read = () => source.getStoragePolicyCopy(t.ownerId, t.copyId, { fresh: true });
  const copy = await read();
  if (!copy) throw notFound(`Storage policy ${t.ownerId} has no copy ${t.copyId} on ${source.instanceId}`);
  const storagePolicyName = await new PolicyCopies(source).policyName(t.ownerId);
  return {
    source, holder: t.holder, copyId: t.copyId, before: copy.retention, worm: false,
    write: (after) => source.updateStoragePolicyCopy(t.ownerId, t.copyId, storagePolicyCopyRetentionBody(copy.raw, storagePolicyName, after)),
    readBack: async () => (await read().catch(() => null))?.retention ?? null,
    agingRule: async (after) => after,
  };
}
