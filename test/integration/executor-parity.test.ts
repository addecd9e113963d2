import 'reflect-metadata';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as graphqlEsm from 'graphql';
import { createRequire } from 'node:module';
import type { ExecutionResult, GraphQLSchema } from 'graphql';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackupDrSimulator, type BackupDrSimulator } from '../../simulators/backupdr/index.js';
import { startCommvaultSimulator, type CommvaultSimulator } from '../../simulators/commvault/index.js';
import { parseConfig } from '../../src/config/load.js';
import type { GatewayConfig } from '../../src/config/schema.js';
import { createGatewayContext, type GatewayContext, type Principal } from '../../src/context.js';
import { createUpstreamPipeline } from '../../src/datasources/pipeline/index.js';
import type { UpstreamPipeline } from '../../src/datasources/pipeline/types.js';
import { SourceRegistry } from '../../src/datasources/registry.js';
import { jitGateway } from '../../src/execution/jit-gateway.js';
import { buildGatewaySchema } from '../../src/schema/build-schema.js';
import { PRODUCTS, UPSTREAM_PRODUCTS } from '../../src/products.js';
import { toGlobalId } from '../../src/util/global-id.js';
import { freePort } from '../helpers/free-port.js';
import { embeddedDatabases, type TestStoreDatabase } from '../helpers/history-store-factory.js';
import type { HistoryStore } from '../../src/store/history-store.js';

/** Documents that read every Commvault upstream, the unreachable `cv-down` too. */
const ALL_UPSTREAMS = new Set(['CommServeHealth']);

const logger = pino({ level: 'silent' });
const OPERATIONS_DIR = fileURLToPath(new URL('../../operations/', import.meta.url));

/**
 * The graphql-jit executor against graphql-js on the same schema, context and upstream cache: every
 * answer, error list and partial error must be the same, byte for byte once serialized. The documents
 * are the persisted operations plus the shapes a JIT compiler could get wrong (abstract types,
 * directives, aliases, fragments, variables, resolver errors, null propagation, introspection).
 */
describe('the graphql-jit executor answers exactly as graphql-js', () => {
  let cv: CommvaultSimulator;
  let bdr: BackupDrSimulator;
  let schema: GraphQLSchema;
  let config: GatewayConfig;
  let pipeline: UpstreamPipeline;
  let registry: SourceRegistry;
  let principal: Principal;
  let historyDb: TestStoreDatabase;
  let history: HistoryStore;
  let graphql: typeof graphqlEsm;
  let runJit: (document: string, variables: Record<string, unknown>, ctx: GatewayContext) => Promise<ExecutionResult>;

  beforeAll(async () => {
    // The graphql-js copy type-graphql built the schema with (see commvault-graph.test.ts).
    graphql = createRequire(import.meta.url)('graphql') as typeof graphqlEsm;
    [cv, bdr] = await Promise.all([startCommvaultSimulator(), startBackupDrSimulator()]);
    const deadPort = await freePort();
    config = parseConfig(
      {
        logLevel: 'silent',
        upstreams: [
          { id: 'cv-a', kind: 'commvault', url: cv.url, username: 'admin', password: 'admin' },
          { id: 'bdr-a', kind: 'backupdr', url: bdr.url, bearerToken: 'admin-token' },
          { id: 'cv-down', kind: 'commvault', url: `http://127.0.0.1:${deadPort}/webconsole/api`, username: 'a', password: 'b', retry: { maxAttempts: 1 } },
        ],
      },
      {},
    );
    // The history documents read the store: an empty embedded one answers them the same on both executors.
    historyDb = await embeddedDatabases();
    history = (await historyDb.open()).store;
    schema = await buildGatewaySchema(PRODUCTS);
    pipeline = createUpstreamPipeline({ upstreams: config.upstreams, cache: config.cache, logger });
    registry = new SourceRegistry({ config, pipeline, logger, products: UPSTREAM_PRODUCTS });
    principal = { id: 'test', role: 'analyst', mutations: true, upstreamIds: config.upstreams.map((u) => u.id), credentials: {} };
    const { executor } = await jitGateway(schema, { maxDocuments: 50, logger }).load({ apollo: {} });
    if (!executor) throw new Error('no executor');
    runJit = async (document, variables, ctx) => {
      const parsed = graphql.parse(document);
      const operation = graphql.getOperationAST(parsed);
      if (!operation) throw new Error('no operation');
      return executor({
        document: parsed,
        operation,
        operationName: operation.name?.value ?? null,
        request: { variables },
        context: ctx,
        queryHash: document,
      } as unknown as Parameters<typeof executor>[0]);
    };
  });
  afterAll(async () => {
    await registry?.close();
    await pipeline?.close();
    await Promise.all([cv?.close(), bdr?.close(), historyDb?.drop()]);
  });

  /** Runs the document with graphql-js, then with graphql-jit, each with a fresh request context. */
  async function both(document: string, variables: Record<string, unknown> = {}) {
    const jsCtx = createGatewayContext({ principal, registry, config, history });
    const js = await graphql.execute({ schema, document: graphql.parse(document), variableValues: variables, contextValue: jsCtx });
    const jitCtx = createGatewayContext({ principal, registry, config, history });
    const jit = await runJit(document, variables, jitCtx);
    const shape = (r: ExecutionResult, ctx: GatewayContext) => ({
      data: JSON.stringify(r.data),
      errors: (r.errors ?? []).map((e) => ({ message: e.message, path: e.path, locations: e.locations, code: (e.originalError as { code?: string })?.code })),
      partial: ctx.partialErrors.map((p) => ({ path: p.path, code: p.error.code, instance: p.error.upstream?.instance })),
    });
    return { js: shape(js, jsCtx), jit: shape(jit, jitCtx) };
  }

  /** RETAIN of one finished backup on its policy's primary copy. */
  function planJobOperationVariables(): Record<string, unknown> {
    const kept = cv.data.jobs.find((j) => j.jobType === 'Backup' && j.status === 'Completed')!;
    const policy = cv.data.storagePolicies.find((p) => p.storagePolicyId === kept.storagePolicyId)!;
    return {
      storagePolicy: toGlobalId('CommvaultStoragePolicy', 'cv-a', policy.storagePolicyId),
      copyId: policy.copies[0]!.copyId,
      opType: 'RETAIN',
      jobs: [toGlobalId('CommvaultJob', 'cv-a', kept.jobId)],
      idempotencyKey: 'parity-plan',
    };
  }

  /** A backup set whose subclients all back up (the replay answers the same jobs). */
  function backupsetVariable(): string {
    const set = cv.data.backupsets.find((b) => cv.data.subclients.filter((s) => s.backupsetId === b.backupsetId).every((s) => s.enableBackup))!;
    return toGlobalId('CommvaultBackupset', 'cv-a', `${set.clientId}.${set.backupsetId}`);
  }

  /** A lengthening (no confirmShorten needed) of a plan's primary copy, replayed by its key. */
  function retentionVariables(): Record<string, unknown> {
    const plan = cv.data.plans.find((p) => p.companyId === 0)!;
    const copy = cv.data.storagePolicies.find((p) => p.storagePolicyId === plan.storagePolicyId)!.copies[0]!;
    return { target: toGlobalId('CommvaultPlanBackupDestination', 'cv-a', `${plan.planId}.${copy.copyId}`), input: { days: 45 }, idempotencyKey: 'parity-retention' };
  }

  /** Schedule changes, each with its own key: the graphql-jit run replays the graphql-js one. */
  function scheduleVariables(): Record<string, Record<string, unknown>> {
    const id = (t: { taskId: number; subTasks: Array<{ subTaskId: number }> }) => toGlobalId('CommvaultSchedule', 'cv-a', `${t.taskId}.${t.subTasks[0]!.subTaskId}`);
    const aging = cv.data.schedules.find((t) => t.isSystem)!;
    const deletable = cv.data.schedules.find((t) => t.taskType === 2 && !t.isSystem)!;
    return {
      CreateSchedule: {
        input: { subclient: toGlobalId('CommvaultSubclient', 'cv-a', cv.data.subclients[0]!.subclientId), name: 'parity', pattern: { frequency: 'DAILY', startDate: '2027-01-01', startTime: '21:00' } },
        idempotencyKey: 'parity-create-schedule',
      },
      UpdateSchedule: { id: id(aging), input: { name: aging.subTasks[0]!.subTaskName }, idempotencyKey: 'parity-update-schedule' },
      SetScheduleEnabled: { id: id(aging), enabled: true, idempotencyKey: 'parity-enable-schedule' },
      DeleteSchedule: { id: id(deletable), idempotencyKey: 'parity-delete-schedule' },
    };
  }

  const variablesFor: Record<string, Record<string, unknown>> = {
    ConsoleJobs: { upstream: 'bdr-a', since: '2026-01-01T00:00:00Z' },
    ConsoleAppliances: { upstream: 'bdr-a' },
    ConsoleAuditLog: { upstream: 'bdr-a', since: '2026-01-01T00:00:00Z' },
    ConsoleGroups: { upstream: 'bdr-a', first: 3, members: 5 },
    EstateHealth: { upstream: 'cv-a', since: '2026-11-01T00:00:00Z', until: '2026-11-08T00:00:00Z' },
    CommvaultClients: { upstream: 'cv-a', search: 'a' },
    StorageCapacity: { upstream: 'cv-a' },
    ProtectionSummary: { upstream: 'cv-a' },
    // A fixed end for the report's and the summary's 24 hours: "now" would differ between the two runs.
    EstateHealthPage: { until: '2026-11-08T00:00:00Z' },
    DashboardJobs: { filter: { upstream: ['cv-a', 'bdr-a'] } },
    DashboardUpstreamOutcomes: { upstream: 'cv-a', since: '2026-11-01T00:00:00Z', until: '2026-11-08T00:00:00Z' },
    DashboardEstate: { since: '2026-11-01T00:00:00Z', until: '2026-11-08T00:00:00Z' },
    DashboardHealth: { until: '2026-11-08T00:00:00Z' },
    // The capacity report's default week and the summary's day end "now": a fixed end (today's midnight) instead.
    CommvaultCapacityReport: { until: new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000).toISOString() },
    // A periodic pair's lag counts on with the clock between the two runs; a continuous pair's is the upstream's.
    ReplicationPage: { kind: 'CONTINUOUS' },
  };

  // Subscriptions are executed by graphql-js over WebSocket only (test/integration/job-progress.test.ts).
  const isSubscription = (file: string) => /^\s*subscription\b/m.test(readFileSync(`${OPERATIONS_DIR}${file}`, 'utf8'));
  for (const file of readdirSync(OPERATIONS_DIR).filter((f) => f.endsWith('.graphql') && !isSubscription(f))) {
    const name = file.replace(/\.graphql$/, '');
    it(`persisted operation ${name}`, async () => {
      // Mutations: the graphql-js run acts, the graphql-jit run replays it by idempotencyKey (same caller,
      // same input), so both answer the same jobs; ControlJobs names a job the CommServe does not know.
      const mutationVariables: Record<string, Record<string, unknown>> = {
        BackupSubclient: { subclient: toGlobalId('CommvaultSubclient', 'cv-a', cv.data.subclients.find((s) => s.enableBackup)!.subclientId), level: 'FULL', idempotencyKey: 'parity' },
        ControlJobs: { jobs: [toGlobalId('CommvaultJob', 'cv-a', 9_999_999)], action: 'PAUSE' },
        RestoreFiles: {
          subclient: toGlobalId('CommvaultSubclient', 'cv-a', cv.data.subclients.find((s) => cv.data.jobs.some((j) => j.subclientId === s.subclientId && j.jobType === 'Backup' && j.status === 'Completed'))!.subclientId),
          paths: ['C:\\data'],
          idempotencyKey: 'parity-restore',
        },
        RunAuxCopy: {
          storagePolicy: toGlobalId('CommvaultStoragePolicy', 'cv-a', cv.data.storagePolicies.find((p) => p.companyId === 0 && p.copies.some((c) => c.copyType !== 1))!.storagePolicyId),
          idempotencyKey: 'parity-aux-copy',
        },
        RunDataAging: { upstream: 'cv-a', idempotencyKey: 'parity-data-aging' },
        RunDisasterRecoveryBackup: { upstream: 'cv-a', idempotencyKey: 'parity-dr' },
        RunDdbOperation: { store: toGlobalId('CommvaultDdbStore', 'cv-a', cv.data.ddbStores[0]!.storeId), operation: 'VERIFY', idempotencyKey: 'parity-ddb' },
        RunPlanJobOperation: planJobOperationVariables(),
        BackupDdb: { store: toGlobalId('CommvaultDdbStore', 'cv-a', cv.data.ddbStores[0]!.storeId), idempotencyKey: 'parity-ddb-backup' },
        UpdateRetention: retentionVariables(),
        UpdateSubclientContent: {
          subclient: toGlobalId('CommvaultSubclient', 'cv-a', cv.data.subclients.find((s) => s.content.length > 0 && (s.applicationId === 33 || s.applicationId === 29))!.subclientId),
          operation: 'ADD',
          filters: ['*.parity'],
          idempotencyKey: 'parity-content',
        },
        BackupBackupset: { backupset: backupsetVariable(), level: 'FULL', idempotencyKey: 'parity-backupset' },
        // Data verification: toggled on the simulator, read by no other test here.
        EnableActivity: { upstream: 'cv-a', activity: 'DATA_VERIFICATION', idempotencyKey: 'parity-enable' },
        DisableActivity: { upstream: 'cv-a', activity: 'DATA_VERIFICATION', idempotencyKey: 'parity-disable' },
        BackupVirtualMachine: {
          input: { virtualMachine: toGlobalId('CommvaultVirtualMachine', 'cv-a', cv.data.virtualMachines.find((v) => v.subclientId !== null)!.clientId), idempotencyKey: 'parity-vm' },
        },
        ...scheduleVariables(),
        RestoreVirtualMachine: {
          virtualMachine: toGlobalId('CommvaultVirtualMachine', 'cv-a', cv.data.virtualMachines.find((v) => v.backupJobId !== null)!.clientId),
          idempotencyKey: 'parity-vm-restore',
        },
        // Console mutations: each its own key (a key is per caller and operation input).
        BackupApplication: { input: { application: toGlobalId('BackupDrApplication', 'bdr-a', bdr.data.applications.find((a) => a.slaId !== null)!.id), idempotencyKey: 'parity-backup-app' } },
        UpdateSla: { input: { sla: toGlobalId('BackupDrSla', 'bdr-a', bdr.data.slas[0]!.id), scheduleOff: false, idempotencyKey: 'parity-update-sla' } },
        MountBackup: {
          input: {
            backup: toGlobalId('BackupDrBackup', 'bdr-a', bdr.data.backups[0]!.id),
            host: toGlobalId('BackupDrHost', 'bdr-a', bdr.data.hosts.find((h) => h.hasagent)!.id),
            idempotencyKey: 'parity-mount',
          },
        },
      };
      if (name === 'SchedulePage') {
        variablesFor.SchedulePage = { upstream: 'cv-a', subclientId: cv.data.schedules.find((t) => t.taskType === 2 && !t.isSystem)!.associations[0]!.subclientId };
      }
      if (name === 'CommvaultPlanPage' || name === 'CommvaultPlanAging') variablesFor[name] = { plan: toGlobalId('CommvaultPlan', 'cv-a', cv.data.plans.find((p) => p.companyId === 0)!.planId) };
      if (name === 'DashboardTrends') variablesFor.DashboardTrends = { since: new Date(Date.now() - 30 * 86_400_000).toISOString() };
      if (name === 'JobDetail') variablesFor.JobDetail = { upstream: 'cv-a', jobId: cv.data.jobs.find((j) => j.status === 'Failed')!.jobId };
      if (name === 'BrowseSubclient') variablesFor.BrowseSubclient = { upstream: 'cv-a', subclientId: cv.data.subclients.find((s) => s.content.length > 0)!.subclientId, first: 5 };
      if (name === 'BrowseDeletedFiles' || name === 'SubclientDetail') {
        variablesFor[name] = { upstream: 'cv-a', subclientId: cv.data.subclients.find((s) => s.content.length > 0)!.subclientId, first: 5 };
      }
      const { js, jit } = await both(readFileSync(`${OPERATIONS_DIR}${file}`, 'utf8'), mutationVariables[name] ?? variablesFor[name] ?? {});
      // A document over every upstream meets the unreachable one: that error alone, the same on both.
      if (ALL_UPSTREAMS.has(name)) expect(js.errors.map((e) => e.code)).toEqual(js.errors.map(() => 'UPSTREAM_UNAVAILABLE'));
      else expect(js.errors).toEqual([]);
      expect(jit).toEqual(js);
    });
  }

  it('abstract types, aliases, fragments and @include/@skip', async () => {
    const document = /* GraphQL */ `
      query ($withClient: Boolean!, $id: ID!) {
        first: jobs(first: 5, filter: { upstream: ["cv-a"] }) { edges { node { ...J } } }
        again: jobs(first: 3) { edges { node { __typename id ... on BackupDrJob { jobName } } } }
        node(id: $id) { __typename id ... on CommvaultClient { name hostName } }
      }
      fragment J on Job { id status ... on CommvaultJob { jobId client @include(if: $withClient) { name } plan @skip(if: true) { name } } }`;
    const { js, jit } = await both(document, { withClient: true, id: toGlobalId('CommvaultClient', 'cv-a', 2) });
    expect(js.errors).toEqual([]);
    expect(jit).toEqual(js);
  });

  it('resolver errors with their codes and paths, and a partial failure of one upstream', async () => {
    const bad = await both('{ jobs(first: -1) { totalCount } }');
    expect(bad.js.errors.map((e) => e.code)).toEqual(['BAD_USER_INPUT']);
    expect(bad.jit).toEqual(bad.js);
    const partial = await both('{ jobs(first: 3) { totalCount edges { node { id } } } }');
    expect(partial.js.partial.map((p) => p.instance)).toEqual(['cv-down']);
    expect(partial.jit).toEqual(partial.js);
  });

  it('introspection', async () => {
    const { js, jit } = await both(graphql.getIntrospectionQuery());
    expect(js.errors).toEqual([]);
    expect(jit).toEqual(js);
  });

  it('applies the default of a non-null variable left out, as graphql-js does (graphql-jit alone refuses it)', async () => {
    const { js, jit } = await both('query ($n: Int! = 3) { jobs(first: $n) { edges { node { id } } } }');
    expect(js.errors).toEqual([]);
    expect(JSON.parse(js.data).jobs.edges).toHaveLength(3);
    expect(jit).toEqual(js);
  });

  it('refuses bad variables with graphql-js\'s own error before compiling anything', async () => {
    const { js, jit } = await both('query ($n: Int) { jobs(first: $n) { totalCount } }', { n: 'many' });
    expect(js.errors).toHaveLength(1);
    expect(jit).toEqual(js);
  });
});
