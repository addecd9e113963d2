import type { UpstreamRef } from '../../record.js';
import type { CvAgentInstance } from '../model.js';
import { field, int, list, str } from './read.js';

/**
 * `GET /Instance?clientId=` → `{instanceProperties: [{instance: {instanceId, instanceName, appName,
 * applicationId, clientId, clientName}, instanceActivityControl}]}` (docs/upstreams/commvault-subclients.md §2).
 * Left out when it has no instances; an entry without an id is skipped.
 */
export function toAgentInstances(body: unknown, clientId: number, upstream: UpstreamRef): CvAgentInstance[] {
  const out: CvAgentInstance[] = [];
  for (const raw of list(field(body, 'instanceProperties'))) {
    const e = field(raw, 'instance');
    const instanceId = int(field(e, 'instanceId'));
    if (instanceId === null || instanceId <= 0) continue;
    out.push({
      upstream,
      instanceId,
      name: str(field(e, 'instanceName')) ?? String(instanceId),
      clientId: int(field(e, 'clientId')) ?? clientId,
      applicationId: int(field(e, 'applicationId')),
      appName: str(field(e, 'appName')),
    });
  }
  return out;
}
