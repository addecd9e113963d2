import type { CvRef, CvServer } from '../model.js';
import { bool, field, int, list, str } from './read.js';

/**
 * `GET /V4/Servers`: `{totalServers, servers: [{id, name, displayName, hostName, agents: [{id, name}],
 * configured, version, OS, isInfrastructure, networkReadiness, updateState}]}`.
 */
export function toServers(body: unknown): CvServer[] {
  const out: CvServer[] = [];
  for (const s of list(field(body, 'servers'))) {
    const clientId = int(field(s, 'id', 'clientId'));
    if (clientId === null) continue;
    const readiness = str(field(s, 'networkReadiness'))?.toUpperCase();
    out.push({
      clientId,
      name: str(field(s, 'name', 'clientName')) ?? String(clientId),
      displayName: str(field(s, 'displayName')),
      hostName: str(field(s, 'hostName')),
      osName: str(field(s, 'OS', 'osName')),
      version: str(field(s, 'version')),
      agents: list(field(s, 'agents'))
        .map((a): CvRef | null => {
          const id = int(field(a, 'id', 'applicationId'));
          return id === null ? null : { id, name: str(field(a, 'name', 'appName')) ?? String(id) };
        })
        .filter((a): a is CvRef => a !== null),
      isInfrastructure: bool(field(s, 'isInfrastructure')),
      configured: bool(field(s, 'configured')),
      online: readiness === 'ONLINE' ? true : readiness === 'OFFLINE' ? false : null,
      networkReadiness: readiness ?? null,
      updateState: str(field(s, 'updateState'))?.toUpperCase() ?? null,
    });
  }
  return out;
}
