import type { GatewayContext } from '../../context.js';
import { badUserInput, notFound } from '../../errors/gateway-error.js';
import type { ConsoleTarget } from './object-from-id.js';
import { consoleLoaders } from './sources.js';

/**
 * The policy an on-demand backup runs under (BackupNowRest `policy.id`, docs/upstreams/backupdr.md §7.3): the
 * caller's, which must belong to the application's template, or else the template's snapshot policy. Read
 * before the write through the request's loaders: application, its SLA, the template's policies.
 * @throws NOT_FOUND when the console does not show the application to this caller; BAD_USER_INPUT when it is
 * not protected or the policy is not its template's.
 */
export async function backupPolicy(ctx: GatewayContext, target: ConsoleTarget, wanted: string | undefined): Promise<string> {
  const loaders = consoleLoaders(ctx);
  const instanceId = target.source.instanceId;
  const app = await loaders.applicationById.load({ instanceId, id: target.consoleId });
  if (!app) throw notFound(`Console ${instanceId} shows no application ${target.consoleId} to this caller`);
  const sla = app.slaId ? await loaders.slaById.load({ instanceId, id: app.slaId }) : null;
  if (!sla?.sltId) throw badUserInput(`Application ${target.consoleId} is not protected by an SLA: apply a plan first (applySla)`);
  const policies = await loaders.policiesBySltId.load({ instanceId, id: sla.sltId });
  const policy = wanted === undefined ? (policies.find((p) => p.op === 'snap') ?? policies[0]) : policies.find((p) => p.consoleId === wanted);
  if (!policy) {
    throw badUserInput(wanted === undefined ? `The template of application ${target.consoleId} has no policy` : `Policy ${wanted.slice(0, 40)} is not a policy of application ${target.consoleId}'s template`);
  }
  return policy.consoleId;
}
