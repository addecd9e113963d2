import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { runMutation } from '../../mutations/run-mutation.js';
import { ApplySlaPayload, RemoveSlaPayload, UpdateSlaPayload } from '../../schema/backupdr/operations.payload.js';
import { ApplySlaInput, RemoveSlaInput, UpdateSlaInput } from '../../schema/backupdr/sla-operations.input.js';
import { givenFields } from './given-fields.js';
import { consoleObjectFromId, onOneConsole } from './object-from-id.js';

const SLA = ['BackupDrSla'];

/** Console mutations on SLAs (docs/operations.md, "Backup and DR consoles"): switch, apply a plan, remove. */
@Resolver()
export class BackupDrSlaOperationsResolver {
  @Mutation(() => UpdateSlaPayload, {
    description: 'Switch an SLA\'s schedules, expirations or dedup-async copies on or off (`PUT /sla/{id}`): only the fields given are sent.',
  })
  async updateSla(@Arg('input', () => UpdateSlaInput) input: UpdateSlaInput, @Ctx() ctx: GatewayContext): Promise<UpdateSlaPayload> {
    const { source, consoleId } = consoleObjectFromId(ctx, input.sla, SLA);
    const change = givenFields(input, ['scheduleOff', 'expirationOff', 'logExpirationOff', 'dedupAsyncOff', 'description']);
    const sla = await runMutation(
      ctx,
      { operation: 'updateSla', input, idempotencyKey: input.idempotencyKey, targets: [input.sla], summarize: () => ({ upstream: source.instanceId, fields: Object.keys(change) }) },
      () => source.updateSla(consoleId, change),
    );
    return Object.assign(new UpdateSlaPayload(), { sla });
  }

  @Mutation(() => ApplySlaPayload, { description: 'Protect an application with a template and a profile (`POST /sla`). An application already protected is UPSTREAM_ERROR (a conflict).' })
  async applySla(@Arg('input', () => ApplySlaInput) input: ApplySlaInput, @Ctx() ctx: GatewayContext): Promise<ApplySlaPayload> {
    const app = consoleObjectFromId(ctx, input.application, ['BackupDrApplication']);
    const slt = consoleObjectFromId(ctx, input.template, ['BackupDrSlt']);
    const slp = consoleObjectFromId(ctx, input.profile, ['BackupDrSlp']);
    const source = onOneConsole([app, slt, slp]);
    const sla = await runMutation(
      ctx,
      {
        operation: 'applySla',
        input,
        idempotencyKey: input.idempotencyKey,
        targets: [input.application, input.template, input.profile],
        summarize: (s) => ({ upstream: source.instanceId, slaId: s?.consoleId ?? null }),
      },
      () =>
        source.createSla({
          applicationId: app.consoleId,
          sltId: slt.consoleId,
          slpId: slp.consoleId,
          scheduleOff: input.scheduleOff ?? undefined,
          description: input.description ?? undefined,
        }),
    );
    return Object.assign(new ApplySlaPayload(), { sla });
  }

  @Mutation(() => RemoveSlaPayload, { description: 'Remove an SLA (`DELETE /sla/{id}`): its application is no longer protected; its images stay until they expire.' })
  async removeSla(@Arg('input', () => RemoveSlaInput) input: RemoveSlaInput, @Ctx() ctx: GatewayContext): Promise<RemoveSlaPayload> {
    const { source, consoleId } = consoleObjectFromId(ctx, input.sla, SLA);
    await runMutation(
      ctx,
      { operation: 'removeSla', input, idempotencyKey: input.idempotencyKey, targets: [input.sla], summarize: () => ({ upstream: source.instanceId }) },
      () => source.deleteSla(consoleId),
    );
    return Object.assign(new RemoveSlaPayload(), { slaId: input.sla });
  }
}
