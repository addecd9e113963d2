import 'reflect-metadata';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isObjectType, parse, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_COST } from '../../src/config/schema.js';
import { estimateCost } from '../../src/plugins/cost/estimate.js';
import type { UpstreamGroup } from '../../src/plugins/cost/hint-kinds.js';
import { costHintsOf } from '../../src/plugins/cost/hints.js';
import { buildGatewaySchema } from '../../src/schema/build-schema.js';
import { PRODUCTS, PRODUCT_COSTS } from '../../src/products.js';

const COST_HINTS = costHintsOf(PRODUCT_COSTS);

const OPERATIONS_DIR = fileURLToPath(new URL('../../operations/', import.meta.url));

/** `Type.field` of every field with a resolver of its own; the rest are read from their parent. */
function resolvedFields(schema: GraphQLSchema): string[] {
  return Object.values(schema.getTypeMap()).flatMap((type) =>
    isObjectType(type) && !type.name.startsWith('__')
      ? Object.values(type.getFields()).flatMap((f) => (f.resolve ? [`${type.name}.${f.name}`] : []))
      : [],
  );
}

describe('the cost hints', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildGatewaySchema(PRODUCTS);
  });

  it('price every field that has a resolver, so a new relation cannot slip in at no cost', () => {
    const missing = resolvedFields(schema).filter((f) => !(f in COST_HINTS));
    expect(missing).toEqual([]);
  });

  it('name only fields that have a resolver (a hint on a field read from its parent would be stale)', () => {
    const resolved = new Set(resolvedFields(schema));
    expect(Object.keys(COST_HINTS).filter((key) => !resolved.has(key))).toEqual([]);
  });
});

describe('the operations/ documents under the default limit', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildGatewaySchema(PRODUCTS);
  });

  const documents = readdirSync(OPERATIONS_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .map((f) => ({ name: f.replace(/\.graphql$/, ''), text: readFileSync(OPERATIONS_DIR + f, 'utf8') }));
  const estate = (commvault: number, backupdr: number) => [
    ...Array.from({ length: commvault }, (_, i) => ({ id: `cv-${i}`, group: 'commvault' as UpstreamGroup })),
    ...Array.from({ length: backupdr }, (_, i) => ({ id: `bdr-${i}`, group: 'backupdr' as UpstreamGroup })),
  ];
  // Their own variable defaults; ConsoleJobs must name its console, the subclient pages their CommServe. The others then ask every upstream.
  const variablesOf = (text: string) => (/query (BrowseSubclient|BrowseDeletedFiles|SubclientDetail|SchedulePage|JobDetail)\b/.test(text) ? { upstream: 'cv-0', jobId: 1 } : /\$upstream: ID!/.test(text) ? { upstream: 'bdr-0' } : {});
  const estimate = (text: string, commvault: number, backupdr: number) =>
    estimateCost({ schema, document: parse(text), variables: variablesOf(text), upstreams: estate(commvault, backupdr), products: PRODUCT_COSTS, maxPageSize: 500 });

  it('estimates them as the DEFAULT_MAX_COST comment states, for one CommServe and one console', () => {
    expect(Object.fromEntries(documents.map((d) => [d.name, estimate(d.text, 1, 1)]))).toEqual({
      // The application, its SLA and its template's policies, the backup call and the label lookup's first poll.
      BackupApplication: 5,
      // The backup call and the started job read back.
      BackupSubclient: 2,
      // The VM list (for the UUID), the backup call and the started job read back.
      BackupVirtualMachine: 3,
      // The VM list (for the GUID), the recover call and the started job read back.
      RestoreVirtualMachine: 3,
      // The subclient (`GET /Subclient/{id}`) and one page of its browse.
      BrowseSubclient: 2,
      BrowseDeletedFiles: 2,
      // The subclient, and its properties for the content fields (the same `GET /Subclient/{id}`, estimated apart).
      SubclientDetail: 2,
      // The subclient read past the cache, the `POST /Subclient/{id}`, the read back.
      UpdateSubclientContent: 3,
      // The client's subclient listing, then per subclient (3 assumed) its backup and the started job read back.
      BackupBackupset: 7,
      CommvaultClients: 1,
      // Per CommServe: its seven reads (identity, licence, registration, conditions, activity control, DR settings
      // and last DR job), the MediaAgents and 10 MediaAgents' V4 detail, the DDB engine list and 10 stores' partitions; nothing per console.
      CommServeHealth: 29,
      // The toggle and the activity control read back.
      DisableActivity: 2,
      EnableActivity: 2,
      // The plan list (node and rpoMinutes), `GET /V4/ServerPlan/{id}`, `GET /V2/Plan/{id}`, the destinations.
      CommvaultPlanPage: 4,
      // The plan list (node), the destinations, and per destination (10 assumed) its job list and the V2 plan and copy reads.
      CommvaultPlanAging: 32,
      // `GET /Job/{id}` and its `POST /JobDetails`.
      JobDetail: 2,
      // `GET /V4/Hypervisor` and `GET /VM`, the VM counts (estimated apart, though they share the VM list),
      // each VM's hypervisor and plan: 5 (3 calls and the login when measured).
      VirtualMachinesPage: 5,
      // `GET /V4/StorageArrays`, one detail per array of the page (50) and the MediaAgent list.
      StorageArrays: 52,
      // `GET /V4/ReplicationGroup` and both replication monitors.
      ReplicationPage: 3,
      // A week of finished backups (7 pages of 1000), a day of jobs (1), every plan's destinations (25), the pool list.
      CommvaultCapacityReport: 34,
      // Without variables: the most jobs allowed (100), an action and a read back each.
      ControlJobs: 200,
      ConsoleJobs: 5,
      // The appliance list page and its count, the pool list once for the page, the appliance list read whole.
      ConsoleAppliances: 4,
      // The audit list page and its count.
      ConsoleAuditLog: 2,
      // Each group list page and its count, and per group (10 of each) its member page and count.
      ConsoleGroups: 46,
      // The dashboard's pages (docs/dashboard.md). Capacity: one storage list per upstream.
      DashboardCapacity: 2,
      // The storage list per upstream; the history and forecast come from the gateway's store.
      DashboardTrends: 2,
      // The gateway's store alone.
      DashboardAlerts: 0,
      // The window's job pages per upstream and the unprotected-workloads walk per CommServe.
      DashboardEstate: 44,
      // healthReport alone: its reads per upstream and area (a CommServe's 10 MediaAgents' V4 detail among them).
      DashboardHealth: 27,
      DashboardJobs: 5,
      // `GET /Events` and `GET /V4/TriggeredAlerts` per CommServe; a list page and its count per console.
      RecentEvents: 4,
      // Asked of the console (see variablesOf): the day's job pages.
      DashboardUpstreamOutcomes: 1,
      // The first read of the job; later events are shared reads of one poll.
      JobProgress: 1,
      // Per CommServe 47; per console 10: summary and alerts (2), the managed applications, 6 pages of a week's capture jobs, one history union.
      EstateHealth: 57,
      // healthReport (CommServe: pools, jobs, MediaAgents + 10 MediaAgents' V4 detail, DDB engines + 10 stores; console: pools, jobs,
      // appliances), summary, alerts.
      EstateHealthPage: 31,
      // The DR backup call and the started job read back.
      RunDisasterRecoveryBackup: 2,
      // Operation not known without variables: RECONSTRUCT's engine list, partitions, message, job, list again.
      RunDdbOperation: 5,
      // `GET /CommServ` for the CommCell id, then the job operation.
      RunPlanJobOperation: 2,
      // What unprotectedWorkloads reads for 7 days: per CommServe the servers, clients and job pages; per console its walk.
      ProtectionSummary: 18,
      // The store's partitions, the client list, and per MediaAgent (two assumed) its subclients, the backup and the job.
      BackupDdb: 8,
      // The destination read past the cache, the V2 plan and copy (cycles), the copy's jobs, the PUT, the read-back.
      UpdateRetention: 6,
      StorageCapacity: 2,
      // The pool lists, and two calls per pool for the runout estimate (charged on every target the interface selects).
      StorageRunout: 62,
      // The subclient read, the task and the started job read back (out of place: and the destination client).
      RestoreFiles: 3,
      // The policy list, the task and the started job (a named copy: and the policy's copies).
      RunAuxCopy: 3,
      // Every copy: the task and the started job (named copies: and the policy reads).
      RunDataAging: 2,
      // The mount, the label lookup's first poll and the image read back.
      MountBackup: 3,
      // The PUT alone: the console answers the SLA.
      UpdateSla: 1,
      // The subclient, its schedule list, `GET /CommServ` (the zone, counted for timeZone and nextRuns) and each of
      // the 4 schedules assumed its task for its backup level (lists leave options out).
      SchedulePage: 8,
      // The subclient, the task, the read back; the schedule's backup level (its task) and the zone, counted twice.
      CreateSchedule: 6,
      // The task read past the cache, the message, the read back; the backup level and the zone.
      UpdateSchedule: 5,
      // The task read and the message.
      DeleteSchedule: 2,
      // The task (or the plan's policy) read, the toggle, the read back.
      SetScheduleEnabled: 4,
    });
  });

  it('lets every one of them through for estates of up to ten CommServes and three consoles', () => {
    for (const { name, text } of documents) {
      const dearest = estimate(text, 10, 3);
      expect(dearest, name).toBeLessThanOrEqual(DEFAULT_MAX_COST);
    }
  });
});
