import { Prng } from '../../common/prng.js';
import { makeAlerts } from './alerts.js';
import { makeActivityControl, makeHealthConditions } from './commserve-health.js';
import { makeEvents } from './events.js';
import { addDdbBackupSubclients, makeInventory } from './inventory.js';
import { makeJobs } from './jobs.js';
import { makeCommServ, makeCompanies, makeUsers } from './organisation.js';
import { makeSchedules } from './schedules.js';
import { makeStorage } from './storage.js';
import { makeVirtualization } from './virtualization.js';
import { makeArraysAndReplication } from './arrays-replication.js';
import { seedFailureReasons } from './failure-reasons.js';
import type { CommvaultDataset } from './types.js';

/**
 * The whole dataset for one seed, relative to `nowMs`. Each part draws from its own forked generator so
 * that adding, say, an event kind does not reshuffle clients or jobs for the same seed.
 */
export function generateDataset(seed: number, nowMs: number): CommvaultDataset {
  const root = new Prng(seed);
  const nowS: number = Math.floor(nowMs / 1000);
  const companies = makeCompanies();
  const users = makeUsers(root.fork('users'));
  const commServ = makeCommServ(root.fork('commserv'));
  const storage = makeStorage(root.fork('storage'), nowS);
  const inventory = makeInventory(root.fork('inventory'), companies, storage.mediaAgents, storage.plans);
  const history = makeJobs(root.fork('jobs'), nowS, inventory, commServ.clientId);
  const events = makeEvents(root.fork('events'), nowS, history.jobs, inventory.clients, storage.mediaAgents, storage.storagePools, storage.ddbStores);
  const alerts = makeAlerts(root.fork('alerts'), events);
  // Drawn last, from their own generators: the data above stays as it was for the same seed.
  seedFailureReasons(history.jobs);
  const virtualization = makeVirtualization(root.fork('virtualization'), inventory, history.jobs, companies);
  inventory.clients.push(...virtualization.vmClients);
  addDdbBackupSubclients(inventory, storage.ddbStores, storage.storagePolicies);
  const arraysAndReplication = makeArraysAndReplication(
    root.fork('arrays-replication'), nowS, storage.mediaAgents, virtualization.hypervisors, virtualization.virtualMachines, history.jobs,
  );
  return {
    generatedAt: nowS,
    seed,
    commServ,
    companies,
    users,
    ...inventory,
    ...storage,
    jobs: history.jobs,
    events,
    ...alerts,
    healthConditions: makeHealthConditions(root.fork('commserve-health'), nowS, commServ, inventory.clients, storage.mediaAgents),
    activityControl: makeActivityControl(),
    clientActivityDisabled: {},
    unprotectedClientIds: history.unprotectedClientIds,
    hypervisors: virtualization.hypervisors,
    virtualMachines: virtualization.virtualMachines,
    schedules: makeSchedules(nowS, storage.plans, inventory.subclients, commServ.clientId),
    ...arraysAndReplication,
  };
}
