import type { Prng } from '../../common/prng.js';
import type { ActivityState, Client, CommServInfo, HealthCondition, MediaAgent } from './types.js';

const HOUR = 3600;

/**
 * What the CommServe reports about itself (`GET /V4/AnomalousConditions`), consistent with the rest of the
 * seed: an "Offline client" for every client and MediaAgent that is offline in every other answer, and
 * spells of high CPU and memory use on the CommServe itself (the newest 2 hours before generatedAt).
 */
export function makeHealthConditions(random: Prng, nowS: number, commServ: CommServInfo, clients: Client[], mediaAgents: MediaAgent[]): HealthCondition[] {
  const out: HealthCondition[] = [];
  const names = new Set<number>();
  for (const c of clients) {
    if (c.online) continue;
    names.add(c.clientId);
    out.push({ time: nowS - random.int(1, 20) * HOUR, clientId: c.clientId, clientName: c.clientName, anomalyType: 'Offline client', description: `Client [${c.clientName}] is not reachable.` });
  }
  for (const m of mediaAgents) {
    if (m.online || names.has(m.mediaAgentId)) continue;
    out.push({ time: nowS - random.int(1, 20) * HOUR, clientId: m.mediaAgentId, clientName: m.mediaAgentName, anomalyType: 'Offline client', description: `Client [${m.mediaAgentName}] is not reachable.` });
  }
  const csClient = clients.find((c) => c.clientId === commServ.clientId);
  const cs = { clientId: commServ.clientId, clientName: csClient?.clientName ?? commServ.commCellName };
  out.push({ ...cs, time: nowS - 2 * HOUR, anomalyType: 'High CPU usage', description: `CPU usage on [${cs.clientName}] has been above 90% for 25 minutes.` });
  out.push({ ...cs, time: nowS - 30 * HOUR, anomalyType: 'High memory usage', description: `Memory usage on [${cs.clientName}] has been above 95% for 40 minutes.` });
  out.push({ ...cs, time: nowS - 3 * 24 * HOUR, anomalyType: 'Anomalous runtime', description: 'Data aging ran three times longer than usual.' });
  return out.sort((a, b) => a.time - b.time);
}

/** Activity control as a fresh CommCell has it: every activity enabled (cvpysdk's codes). */
export function makeActivityControl(): ActivityState[] {
  return [1, 2, 4, 16, 128, 256, 512, 1024, 8192].map((activityType) => ({ activityType, enabled: true, reEnableTime: 0 }));
}
