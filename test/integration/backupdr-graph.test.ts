import 'reflect-metadata';
import { createRequire } from 'node:module';
import * as graphqlEsm from 'graphql';
import type { ExecutionResult, GraphQLSchema } from 'graphql';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startBackupDrSimulator, type Application, type BackupDrSimulator, type Job } from '../../simulators/backupdr/index.js';
import { startCommvaultSimulator } from '../../simulators/commvault/index.js';
import { parseConfig } from '../../src/config/load.js';
import { createGatewayContext, type Principal, type ResolvedCredential } from '../../src/context.js';
import { createUpstreamPipeline } from '../../src/datasources/pipeline/index.js';
import { SourceRegistry } from '../../src/datasources/registry.js';
import { ErrorCode } from '../../src/errors/codes.js';
import { buildGatewaySchema } from '../../src/schema/build-schema.js';
import { PRODUCTS, UPSTREAM_PRODUCTS } from '../../src/products.js';
import { toGlobalId } from '../../src/util/global-id.js';
import { startTestGateway } from '../helpers/gateway.js';

const BDR = 'bdr-sim';
const CV = 'cv-sim';
const logger = pino({ level: 'silent' });

type CvSim = Awaited<ReturnType<typeof startCommvaultSimulator>>;

let schema: GraphQLSchema;
let graphql: typeof graphqlEsm;
let sim: BackupDrSimulator;

/** The real pipeline and registry, documents executed with graphql-js; `as` picks the caller's console token. */
interface Graph {
  run<T = any>(document: string, variables?: Record<string, unknown>, as?: string): Promise<ExecutionResult<T>>;
  close(): Promise<void>;
}

function startGraph(upstreams: Array<Record<string, unknown>>): Graph {
  const config = parseConfig({ upstreams, logLevel: 'silent' }, {});
  const pipeline = createUpstreamPipeline({ upstreams: config.upstreams, cache: config.cache, logger });
  const registry = new SourceRegistry({ config, pipeline, logger, products: UPSTREAM_PRODUCTS });
  return {
    async run(document, variables, as) {
      const credentials: Record<string, ResolvedCredential> = as ? { [BDR]: { bearerToken: as } } : {};
      const principal: Principal = { id: as ?? 'svc', role: 'analyst', upstreamIds: config.upstreams.map((u) => u.id), credentials };
      const contextValue = createGatewayContext({ principal, registry, config });
      return (await graphql.execute({ schema, document: graphql.parse(document), variableValues: variables, contextValue })) as ExecutionResult<any>;
    },
    async close() {
      await registry.close();
      await pipeline.close();
    },
  };
}

const bdrUpstream = () => ({ id: BDR, kind: 'backupdr', url: sim.url, bearerToken: 'admin-token' });

function codes(result: ExecutionResult): Array<string | undefined> {
  return (result.errors ?? []).map((e) => (e.originalError as { code?: string } | undefined)?.code ?? (e.extensions?.code as string | undefined));
}

const byNumericId = (a: { id: string }, b: { id: string }) => Number(a.id) - Number(b.id);
const idsOf = (records: ReadonlyArray<{ id: string }>) => [...records].sort(byNumericId).map((r) => r.id);

const APPS = /* GraphQL */ `
  query Apps($filter: BackupDrApplicationFilter, $sort: [BackupDrApplicationSort!], $first: Int, $after: String) {
    backupDr(upstream: "bdr-sim") {
      applications(filter: $filter, sort: $sort, first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { consoleId appName } }
      }
    }
  }
`;
const APPS_NO_TOTAL = APPS.replace('totalCount', '');

const JOBS = /* GraphQL */ `
  query Jobs($filter: BackupDrJobFilter, $first: Int, $after: String) {
    backupDr(upstream: "bdr-sim") {
      jobs(filter: $filter, first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { consoleId status statusText startedAt } }
      }
    }
  }
`;

const HOSTS = /* GraphQL */ `
  query Hosts($filter: BackupDrHostFilter, $first: Int) {
    backupDr(upstream: "bdr-sim") { hosts(filter: $filter, first: $first) { totalCount edges { node { consoleId } } } }
  }
`;

beforeAll(async () => {
  schema = await buildGatewaySchema(PRODUCTS);
  graphql = schema instanceof graphqlEsm.GraphQLSchema ? graphqlEsm : (createRequire(import.meta.url)('graphql') as typeof graphqlEsm);
  sim = await startBackupDrSimulator();
});

afterAll(async () => {
  await sim?.close();
});

beforeEach(() => sim.reset());

describe('console lists: filters, sort, keyword and paging return what the console holds', () => {
  let graph: Graph;
  beforeAll(() => {
    graph = startGraph([bdrUpstream()]);
  });
  afterAll(() => graph.close());

  async function appIds(filter: unknown, first = 500): Promise<{ ids: string[]; total: number }> {
    const result = await graph.run(APPS, { filter, first, sort: [{ field: 'ID' }] });
    expect(result.errors).toBeUndefined();
    const c = result.data.backupDr.applications;
    return { ids: c.edges.map((e: any) => e.node.consoleId), total: c.totalCount };
  }

  it('EQ repeated on one field is a union (typed appType and raw conditions alike)', async () => {
    const expected = idsOf(sim.data.applications.filter((a) => a.apptype === 'SqlInstance' || a.apptype === 'SAPHANA'));
    expect(expected.length).toBeGreaterThan(0);
    expect(await appIds({ appType: ['SqlInstance', 'SAPHANA'] })).toEqual({ ids: expected, total: expected.length });
    const raw = await appIds({ conditions: [{ field: 'apptype', op: 'EQ', value: 'SqlInstance' }, { field: 'apptype', op: 'EQ', value: 'SAPHANA' }] });
    expect(raw.ids).toEqual(expected);
  });

  it('NE (repeated), CONTAINS (case-insensitive), BITAND on a boolean', async () => {
    const ne = await graph.run(HOSTS, {
      first: 500,
      filter: { conditions: [{ field: 'hosttype', op: 'NE', value: 'vcenter' }, { field: 'hosttype', op: 'NE', value: 'esxhost' }] },
    });
    expect(ne.errors).toBeUndefined();
    const expectedHosts = sim.data.hosts.filter((h) => h.hosttype !== 'vcenter' && h.hosttype !== 'esxhost');
    expect(ne.data.backupDr.hosts.totalCount).toBe(expectedHosts.length);
    expect(ne.data.backupDr.hosts.edges.map((e: any) => e.node.consoleId)).toEqual(idsOf(expectedHosts).slice(0, 500).sort((a, b) => Number(a) - Number(b)));

    const needle = sim.data.applications[7].appname.slice(1, 4).toUpperCase();
    const contains = idsOf(sim.data.applications.filter((a) => a.appname.toLowerCase().includes(needle.toLowerCase())));
    expect(await appIds({ nameContains: needle })).toEqual({ ids: contains, total: contains.length });

    const managed = idsOf(sim.data.applications.filter((a) => a.managed));
    expect(await appIds({ conditions: [{ field: 'managed', op: 'BITAND', value: 'true' }] })).toEqual({ ids: managed.slice(0, 500), total: managed.length });
    expect((await appIds({ managed: false })).total).toBe(sim.data.applications.length - managed.length);
  });

  it('GE and LE form a range (raw microseconds and the typed DateTime window agree)', async () => {
    const finished = sim.data.jobs.filter((j) => j.startdate !== null).map((j) => j.startdate as number).sort((a, b) => a - b);
    const from = finished[Math.floor(finished.length * 0.9)];
    const to = finished[Math.floor(finished.length * 0.95)];
    const expected = sim.data.jobs.filter((j) => j.startdate !== null && j.startdate >= from && j.startdate <= to);
    const raw = await graph.run(JOBS, { first: 5, filter: { conditions: [{ field: 'startdate', op: 'GE', value: String(from) }, { field: 'startdate', op: 'LE', value: String(to) }] } });
    expect(raw.errors).toBeUndefined();
    expect(raw.data.backupDr.jobs.totalCount).toBe(expected.length);
    // The typed window is [after, before): whole milliseconds, so compare against ms-rounded bounds.
    const after = new Date(Math.ceil(from / 1000));
    const before = new Date(Math.floor(to / 1000));
    const typed = sim.data.jobs.filter((j) => j.startdate !== null && j.startdate >= after.getTime() * 1000 && j.startdate < before.getTime() * 1000);
    const typedResult = await graph.run(JOBS, { first: 5, filter: { startedAfter: after.toISOString(), startedBefore: before.toISOString() } });
    expect(typedResult.data.backupDr.jobs.totalCount).toBe(typed.length);
  });

  it('jobs: unified statuses map to console statuses, newest start first', async () => {
    const failed = sim.data.jobs.filter((j) => j.status === 'failed' || j.status === 'canceled');
    const result = await graph.run(JOBS, { first: 50, filter: { status: ['FAILED', 'KILLED'] } });
    expect(result.errors).toBeUndefined();
    const jobs = result.data.backupDr.jobs;
    expect(jobs.totalCount).toBe(failed.length);
    const newest = [...failed].sort((a, b) => (b.startdate ?? Infinity) - (a.startdate ?? Infinity) || Number(b.id) - Number(a.id)).slice(0, 50);
    expect(jobs.edges.map((e: any) => e.node.consoleId)).toEqual(newest.map((j) => j.id));
    expect(new Set(jobs.edges.map((e: any) => e.node.status))).toEqual(new Set(['FAILED', 'KILLED']));
    const active = await graph.run(JOBS, { first: 100, filter: { category: 'ACTIVE' } });
    expect(active.data.backupDr.jobs.totalCount).toBe(sim.data.jobs.filter((j) => j.status === 'queued' || j.status === 'running').length);
    expect(sim.calls('GET /job')).toBe(1);
  });

  it('sorts by several keys and pages with cursors without skipping or repeating', async () => {
    const expected = [...sim.data.applications]
      .sort((a, b) => (a.apptype < b.apptype ? -1 : a.apptype > b.apptype ? 1 : 0) || Number(b.id) - Number(a.id))
      .map((a) => a.id);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const result: ExecutionResult<any> = await graph.run(APPS_NO_TOTAL, { first: 250, after, sort: [{ field: 'APPTYPE' }, { field: 'ID', direction: 'DESC' }] });
      expect(result.errors).toBeUndefined();
      const c = result.data.backupDr.applications;
      seen.push(...c.edges.map((e: any) => e.node.consoleId));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
  });

  it('keyword searches the predefined attributes, combined with filters', async () => {
    const hostname = (a: Application) => sim.data.hosts.find((h) => h.id === a.hostId)?.hostname ?? '';
    const attrs = (a: Application) => [a.vmuuid, hostname(a), a.appname, a.description, a.networkname, a.pathname, a.sqlinstance, a.sqlserverag];
    const keyword = 'SQL';
    const expected = idsOf(sim.data.applications.filter((a) => a.managed && attrs(a).some((v) => (v ?? '').toLowerCase().includes('sql'))));
    expect(expected.length).toBeGreaterThan(0);
    expect(await appIds({ keyword, managed: true })).toEqual({ ids: expected, total: expected.length });
  });

  it('keyword + filter + sort + paging together, on jobs', async () => {
    const apps = new Map(sim.data.applications.map((a) => [a.id, a]));
    const hosts = new Map(sim.data.hosts.map((h) => [h.id, h]));
    const keyword = sim.data.jobs[0].policyname.slice(0, 4).toLowerCase();
    const attrs = (j: Job) => {
      const app = apps.get(j.appId);
      return [j.jobname, app ? hosts.get(app.hostId)?.hostname : '', j.targethost, app?.appname, j.sltname, j.policyname, j.label];
    };
    const expected = sim.data.jobs
      .filter((j) => j.status === 'failed' && attrs(j).some((v) => (v ?? '').toLowerCase().includes(keyword)))
      .sort((a, b) => (a.jobname < b.jobname ? 1 : a.jobname > b.jobname ? -1 : 0))
      .map((j) => j.id);
    expect(expected.length).toBeGreaterThan(40);
    const query = `query($after: String) { backupDr(upstream: "bdr-sim") { jobs(first: 20, after: $after, sort: [{ field: JOBNAME, direction: DESC }], filter: { keyword: "${keyword}", status: [FAILED] }) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { consoleId } } } } }`;
    const first = await graph.run(query);
    expect(first.errors).toBeUndefined();
    const second = await graph.run(query, { after: first.data.backupDr.jobs.pageInfo.endCursor });
    const ids = [...first.data.backupDr.jobs.edges, ...second.data.backupDr.jobs.edges].map((e: any) => e.node.consoleId);
    expect(ids).toEqual(expected.slice(0, 40));
    expect(second.data.backupDr.jobs.totalCount).toBe(expected.length);
    expect(second.data.backupDr.jobs.pageInfo.hasNextPage).toBe(expected.length > 40);
  });

  it('asks for the HEAD count only when totalCount is selected, with the same filters', async () => {
    const filter = { appType: ['VMBackup'] };
    await graph.run(APPS_NO_TOTAL, { filter, first: 3 });
    expect(sim.calls('HEAD /application')).toBe(0);
    const result = await graph.run(APPS, { filter, first: 3 });
    expect(sim.calls('HEAD /application')).toBe(1);
    expect(result.data.backupDr.applications.totalCount).toBe(sim.data.applications.filter((a) => a.apptype === 'VMBackup').length);
    // Through a fragment too.
    sim.reset();
    const viaFragment = await graph.run(
      `query { backupDr(upstream: "bdr-sim") { slts(first: 2) { ...T } } } fragment T on BackupDrSltConnection { totalCount }`,
    );
    expect(viaFragment.data.backupDr.slts.totalCount).toBe(sim.data.slts.length);
    expect(sim.calls('HEAD /slt')).toBe(1);
  });
});

describe('injection attempts never widen a query', () => {
  let graph: Graph;
  beforeAll(() => {
    graph = startGraph([bdrUpstream()]);
  });
  afterAll(() => graph.close());

  const PROBES = ['x&filter=id:>=0', 'x%26filter%3Did%3A%3E%3D0', '=', 'a:b', '&keyword=', 'ü𝄞 ✓', "' OR 1=1 --", '#'];

  it('filter values and keywords holding &, =, %26filter%3D or unicode match literally (nothing here)', async () => {
    for (const probe of PROBES) {
      const eq = await graph.run(APPS, { first: 5, filter: { conditions: [{ field: 'appname', op: 'EQ', value: probe }] } });
      expect(eq.errors).toBeUndefined();
      expect(eq.data.backupDr.applications.totalCount).toBe(0);
      const kw = await graph.run(APPS, { first: 5, filter: { keyword: probe, appType: ['VMBackup'] } });
      expect(kw.errors).toBeUndefined();
      expect(kw.data.backupDr.applications.edges).toEqual([]);
    }
  });

  it('a contains value cannot add a second filter: the match stays within its field', async () => {
    const name = sim.data.applications[3].appname;
    const result = await graph.run(APPS, { first: 5, filter: { nameContains: `${name}&filter=apptype:==VMBackup` } });
    expect(result.data.backupDr.applications.totalCount).toBe(0);
  });

  it('10 kB values, unknown fields and wrong operators are BAD_USER_INPUT, sort keys outside the enum invalid, all before any list call', async () => {
    const big = 'é'.repeat(10 * 1024);
    const cases: Array<Record<string, unknown>> = [
      { filter: { conditions: [{ field: 'appname', op: 'EQ', value: big }] } },
      { filter: { keyword: big } },
      { filter: { conditions: [{ field: 'nosuchfield', op: 'EQ', value: '1' }] } },
      { filter: { conditions: [{ field: 'appname&filter=id', op: 'EQ', value: '1' }] } },
      { filter: { conditions: [{ field: 'id', op: 'CONTAINS', value: '1' }] } },
      { filter: { conditions: [{ field: 'appname', op: 'GE', value: 'a' }] } },
      { filter: { conditions: [{ field: 'managed', op: 'EQ', value: 'maybe' }] } },
      { filter: { conditions: [{ field: 'id', op: 'EQ', value: '1 OR 1=1' }] } },
    ];
    for (const variables of cases) {
      const result = await graph.run(APPS, { first: 5, ...variables });
      expect(codes(result)).toEqual([ErrorCode.BAD_USER_INPUT]);
      expect(JSON.stringify(result.errors).length).toBeLessThan(2000);
    }
    // Sort fields are an enum now: free text, a comma-joined list or an unsortable attribute never reaches the console
    // (variable coercion fails; over HTTP Apollo answers that as BAD_USER_INPUT too).
    for (const field of ['appname:asc,id', 'appname', 'ORGANIZATIONID', 'ID,APPNAME']) {
      const result = await graph.run(APPS, { first: 5, sort: [{ field }] });
      expect(result.errors?.length).toBe(1);
      expect(result.data).toBeUndefined();
    }
    expect(sim.calls('GET /application')).toBe(0);
    expect(sim.calls('HEAD /application')).toBe(0);
  });
});

describe('typed sort per resource', () => {
  let graph: Graph;
  beforeAll(() => {
    graph = startGraph([bdrUpstream()]);
  });
  afterAll(() => graph.close());

  /** The console resources behind each connection; `jobs` reads one of three by `category`. */
  const PATHS: Record<string, string[]> = {
    applications: ['/application'],
    hosts: ['/host'],
    backups: ['/backup'],
    jobs: ['/jobstatus', '/job', '/jobhistory'],
    slts: ['/slt'],
    slps: ['/slp'],
    slas: ['/sla'],
    diskPools: ['/diskpool'],
    appliances: ['/cluster'],
    consistencyGroups: ['/consistencygroup'],
    logicalGroups: ['/logicalgroup'],
    events: ['/event'],
    auditRecords: ['/localaudit'],
    users: ['/user'],
    roles: ['/role'],
    organizations: ['/org'],
  };

  /** Every console connection with its sort input type and the attributes its enum sends (read from the schema). */
  function sortableConnections(): Array<{ field: string; input: string; attributes: string[]; names: string[] }> {
    const console = schema.getType('BackupDrConsole') as graphqlEsm.GraphQLObjectType;
    return Object.values(console.getFields()).flatMap((f) => {
      const arg = f.args.find((a) => a.name === 'sort');
      if (!arg) return [];
      const input = graphql.getNamedType(arg.type) as graphqlEsm.GraphQLInputObjectType;
      const values = (graphql.getNamedType(input.getFields().field.type) as graphqlEsm.GraphQLEnumType).getValues();
      return [{ field: f.name, input: input.name, attributes: values.map((v) => v.value as string), names: values.map((v) => v.name) }];
    });
  }

  /** `sortablefields` straight from the simulator's OPTIONS, under its own session (logged out afterwards). */
  async function sortableFields(paths: readonly string[]): Promise<Map<string, string[]>> {
    const auth = { Authorization: 'Bearer admin-token', Accept: 'application/json' };
    const login = (await (await fetch(`${sim.url}/session`, { method: 'POST', headers: auth })).json()) as { session_id: string };
    const headers = { ...auth, 'backupdr-management-session': `Actifio ${login.session_id}` };
    try {
      const out = new Map<string, string[]>();
      for (const path of paths) {
        const res = await fetch(`${sim.url}${path}`, { method: 'OPTIONS', headers });
        expect(res.status).toBe(200);
        out.set(path, ((await res.json()) as { 'GET(list)': { sortablefields: string[] } })['GET(list)'].sortablefields);
      }
      return out;
    } finally {
      await fetch(`${sim.url}/session/current`, { method: 'DELETE', headers });
    }
  }

  it('every one of the 16 connections takes its own sort input, BackupDr<Resource>Sort', () => {
    const connections = sortableConnections();
    expect(connections.map((c) => c.field).sort()).toEqual(Object.keys(PATHS).sort());
    expect(new Set(connections.map((c) => c.input)).size).toBe(16);
    expect(schema.getType('BackupDrSort')).toBeUndefined();
    expect(connections.find((c) => c.field === 'applications')).toMatchObject({ input: 'BackupDrApplicationSort' });
  });

  it('every sort enum value is in the simulator console\'s OPTIONS sortablefields, and every sortable field has a value', async () => {
    const sortable = await sortableFields(Object.values(PATHS).flat());
    for (const c of sortableConnections()) {
      expect(c.names, c.input).toEqual(c.attributes.map((a) => a.toUpperCase()));
      for (const path of PATHS[c.field]) {
        const listed = sortable.get(path)!;
        expect(c.attributes.filter((a) => !listed.includes(a)), `${c.input} values ${path} does not list`).toEqual([]);
        expect(listed.filter((a) => !c.attributes.includes(a)), `${path} sortable fields ${c.input} lacks`).toEqual([]);
      }
    }
  });

  it('every connection sorts by all of its enum values at once through the live OPTIONS check', async () => {
    for (const c of sortableConnections()) {
      const categories = c.field === 'jobs' ? ['ALL', 'ACTIVE', 'FINISHED'] : [null];
      for (const category of categories) {
        const filter = category ? `, filter: { category: ${category} }` : '';
        const sort = c.names.map((field, i) => ({ field, direction: i % 2 === 0 ? 'ASC' : 'DESC' }));
        const result = await graph.run(`query($sort: [${c.input}!]) { backupDr(upstream: "${BDR}") { ${c.field}(first: 2, sort: $sort${filter}) { edges { cursor } } } }`, { sort });
        expect(result.errors, `${c.field} ${category ?? ''}`).toBeUndefined();
      }
    }
  });

  it('sorts descending by a typed key the way the console holds the data', async () => {
    const result = await graph.run(`{ backupDr(upstream: "${BDR}") { diskPools(first: 100, sort: [{ field: FREE_MB, direction: DESC }, { field: ID }]) { edges { node { consoleId } } } } }`);
    expect(result.errors).toBeUndefined();
    const expected = [...sim.data.diskpools].sort((a, b) => b.free_mb - a.free_mb || Number(a.id) - Number(b.id)).map((p) => p.id);
    expect(result.data.backupDr.diskPools.edges.map((e: any) => e.node.consoleId)).toEqual(expected);
  });

  // An enum value a live console version does not list → BAD_USER_INPUT is unit-tested
  // (test/unit/backupdr-sort-input.test.ts, validateListSpec with older metadata): the simulator's
  // sortablefields come from its fixed resource definitions.
});

describe('organization isolation', () => {
  let graph: Graph;
  beforeAll(() => {
    graph = startGraph([bdrUpstream()]);
  });
  afterAll(() => graph.close());

  const orgId = (name: string) => sim.data.organizations.find((o) => o.name === name)!.id;
  const visible = (org: string) => idsOf(sim.data.applications.filter((a) => a.orgIds.includes(orgId(org))));

  it('a caller whose console session sees only OrgA never receives OrgB objects, also from the shared cache', async () => {
    const query = (as: string) => graph.run(APPS, { first: 500, sort: [{ field: 'ID' }] }, as);
    const a1 = await query('org-a-token');
    const b = await query('org-b-token');
    const a2 = await query('org-a-token');
    const all = await graph.run(APPS, { first: 500, sort: [{ field: 'ID' }] });
    const ids = (r: ExecutionResult<any>) => r.data.backupDr.applications.edges.map((e: any) => e.node.consoleId);
    expect(ids(a1)).toEqual(visible('OrgA'));
    expect(ids(b)).toEqual(visible('OrgB'));
    expect(ids(a2)).toEqual(ids(a1));
    expect(a1.data.backupDr.applications.totalCount).toBe(visible('OrgA').length);
    const onlyB = visible('OrgB').filter((id) => !visible('OrgA').includes(id));
    expect(onlyB.length).toBeGreaterThan(0);
    expect(ids(a2).some((id: string) => onlyB.includes(id))).toBe(false);
    expect(all.data.backupDr.applications.totalCount).toBe(sim.data.applications.length);
    // Three identities, three sessions; the second OrgA query came from the cache.
    expect(sim.calls('POST /session')).toBe(3);
    expect(sim.calls('GET /application')).toBe(3);
  });

  it('node() and relations of another organization read as null', async () => {
    const bApp = sim.data.applications.find((a) => a.orgIds.length === 1 && a.orgIds[0] === orgId('OrgB'))!;
    const id = toGlobalId('BackupDrApplication', BDR, bApp.id);
    const q = `query($id: ID!) { node(id: $id) { ... on BackupDrApplication { appName } } }`;
    expect((await graph.run(q, { id }, 'org-b-token')).data?.node).toEqual({ appName: bApp.appname });
    expect((await graph.run(q, { id }, 'org-a-token')).data?.node).toBeNull();
  });
});

describe('relations through loaders', () => {
  let graph: Graph;
  beforeAll(() => {
    graph = startGraph([bdrUpstream()]);
  });
  afterAll(() => graph.close());

  const PAGE = /* GraphQL */ `
    query {
      backupDr(upstream: "bdr-sim") {
        jobs(first: 100) {
          edges { node { consoleId jobName host { hostName } sla { consoleId scheduleOff } application { appName host { hostName } sla { consoleId } } } }
        }
      }
    }
  `;

  it('a page of 100 jobs with application, host and SLA costs at most 5 console calls, login included', async () => {
    const result = await graph.run(PAGE);
    expect(result.errors).toBeUndefined();
    const edges = result.data.backupDr.jobs.edges;
    expect(edges).toHaveLength(100);
    expect(sim.stats().total).toBeLessThanOrEqual(5);
    expect(sim.stats().byRoute).toEqual({ 'POST /session': 1, 'GET /jobstatus': 1, 'GET /application': 1, 'GET /host': 1, 'GET /sla': 1 });

    const jobs = new Map(sim.data.jobs.map((j) => [j.id, j]));
    const apps = new Map(sim.data.applications.map((a) => [a.id, a]));
    const hosts = new Map(sim.data.hosts.map((h) => [h.id, h]));
    for (const { node } of edges) {
      const job = jobs.get(node.consoleId) as Job;
      const app = apps.get(job.appId)!;
      expect(node.jobName).toBe(job.jobname);
      expect(node.application.appName).toBe(app.appname);
      expect(node.application.host.hostName).toBe(hosts.get(app.hostId)!.hostname);
      expect(node.host.hostName).toBe(hosts.get(app.hostId)!.hostname);
      expect(node.sla?.consoleId ?? null).toBe(app.slaId);
      expect(node.application.sla?.consoleId ?? null).toBe(app.slaId);
    }
  });

  it('SLA → SLT (with policies) and SLP, backup → application, disk pool → appliance', async () => {
    const sla = sim.data.slas.find((s) => s.appId)!;
    const backup = sim.data.backups[0];
    const pool = sim.data.diskpools[0];
    const result = await graph.run(
      `query($sla: ID!, $backup: ID!, $pool: ID!) {
        sla: node(id: $sla) { ... on BackupDrSla { slt { name policies { consoleId } } slp { name } application { consoleId } } }
        backup: node(id: $backup) { ... on BackupDrBackup { backupName application { consoleId } diskPool { name } } }
        pool: node(id: $pool) { ... on BackupDrDiskPool { name appliance { applianceId name } } }
      }`,
      { sla: toGlobalId('BackupDrSla', BDR, sla.id), backup: toGlobalId('BackupDrBackup', BDR, backup.id), pool: toGlobalId('BackupDrDiskPool', BDR, pool.id) },
    );
    expect(result.errors).toBeUndefined();
    const slt = sim.data.slts.find((s) => s.id === sla.sltId)!;
    expect(result.data.sla.slt.name).toBe(slt.name);
    expect(result.data.sla.slt.policies.map((p: any) => p.consoleId).sort()).toEqual([...slt.policyIds].sort());
    expect(result.data.sla.slp.name).toBe(sim.data.slps.find((s) => s.id === sla.slpId)!.name);
    expect(result.data.sla.application.consoleId).toBe(sla.appId);
    expect(result.data.backup.application.consoleId).toBe(backup.appId);
    expect(result.data.backup.diskPool.name).toBe(sim.data.diskpools.find((p) => p.id === backup.diskpoolId)!.name);
    const cluster = sim.data.clusters.find((c) => c.id === pool.clusterId)!;
    expect(result.data.pool.appliance).toEqual({ applianceId: cluster.clusterid, name: cluster.name });
  });

  it('shows consolidated hosts with one source per appliance', async () => {
    const consolidated = sim.data.hosts.find((h) => h.sources.length > 1)!;
    const result = await graph.run(`query($id: ID!) { node(id: $id) { ... on BackupDrHost { sources { srcId applianceId } } } }`, {
      id: toGlobalId('BackupDrHost', BDR, consolidated.id),
    });
    expect(result.data.node.sources.map((s: any) => s.srcId)).toEqual(consolidated.sources.map((s) => s.srcid));
  });
});

describe('unified jobs and storagePools include the console next to Commvault', () => {
  let cv: CvSim;
  let graph: Graph;
  beforeAll(async () => {
    cv = await startCommvaultSimulator({ port: 0 });
    graph = startGraph([{ id: CV, kind: 'commvault', url: cv.url, username: 'admin', password: 'admin' }, bdrUpstream()]);
  });
  afterAll(async () => {
    await graph.close();
    await cv?.close();
  });

  const UNIFIED = /* GraphQL */ `
    query($first: Int, $after: String, $filter: JobFilter) {
      jobs(first: $first, after: $after, filter: $filter) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { __typename id status startedAt ... on BackupDrJob { consoleId queuedAt } ... on CommvaultJob { jobId } } }
      }
    }
  `;
  // The unified order: newest first by start, a job not started yet by the time it was queued, then id.
  const newestConsoleJobs = () =>
    [...sim.data.jobs].sort((a, b) => (b.startdate ?? b.queuedate) - (a.startdate ?? a.queuedate) || Number(b.id) - Number(a.id));

  it('merges both products newest first (queued jobs by queue time); totalCount adds the console HEAD count', async () => {
    const result = await graph.run(UNIFIED, { first: 200 });
    expect(result.errors).toBeUndefined();
    const { edges, totalCount } = result.data.jobs;
    expect(new Set(edges.map((e: any) => e.node.__typename))).toEqual(new Set(['CommvaultJob', 'BackupDrJob']));
    const times = edges.map((e: any) => Date.parse(e.node.startedAt ?? e.node.queuedAt));
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeLessThanOrEqual(times[i - 1]);
    const consoleIds = edges.filter((e: any) => e.node.__typename === 'BackupDrJob').map((e: any) => e.node.consoleId);
    expect(consoleIds).toEqual(newestConsoleJobs().slice(0, consoleIds.length).map((j) => j.id));
    const cvOnly = await graph.run(UNIFIED, { first: 1, filter: { upstream: [CV] } });
    expect(totalCount).toBe(cvOnly.data.jobs.totalCount + sim.data.jobs.length);
    expect(sim.calls('HEAD /jobstatus')).toBe(1);
  });

  it('pages through the console stream with the merged cursors', async () => {
    const first = await graph.run(UNIFIED, { first: 30, filter: { upstream: [BDR] } });
    const second = await graph.run(UNIFIED, { first: 30, after: first.data.jobs.pageInfo.endCursor, filter: { upstream: [BDR] } });
    const ids = [...first.data.jobs.edges, ...second.data.jobs.edges].map((e: any) => e.node.consoleId);
    expect(ids).toEqual(newestConsoleJobs().slice(0, 60).map((j) => j.id));
  });

  it('fills every page when many console jobs share the millisecond a read ends in', async () => {
    // Jobs 20..45 of the unified order (started ones) moved into one millisecond, microseconds apart in
    // the console's order: a read of the page's size ends inside that millisecond, whose jobs the gateway
    // (ordering them by id) must leave for a longer read.
    const order = newestConsoleJobs();
    const tied = order.slice(20, 46).filter((j) => j.startdate !== null);
    const saved = tied.map((j) => j.startdate);
    const ms = Math.floor((tied[tied.length - 1]!.startdate as number) / 1000) * 1000;
    tied.forEach((j, i) => (j.startdate = ms + (tied.length - i)));
    const tiedGraph = startGraph([bdrUpstream()]);
    try {
      const expected = [...sim.data.jobs]
        .sort((a, b) => Math.floor((b.startdate ?? b.queuedate) / 1000) - Math.floor((a.startdate ?? a.queuedate) / 1000) || Number(b.id) - Number(a.id))
        .map((j) => j.id);
      const ids: string[] = [];
      let after: string | undefined;
      for (let page = 0; page < 3; page++) {
        const result = await tiedGraph.run(UNIFIED, { first: 30, after, filter: { upstream: [BDR] } });
        expect(result.errors).toBeUndefined();
        expect(result.data.jobs.edges).toHaveLength(30);
        ids.push(...result.data.jobs.edges.map((e: any) => e.node.consoleId));
        after = result.data.jobs.pageInfo.endCursor;
      }
      expect(ids).toEqual(expected.slice(0, 90));
    } finally {
      await tiedGraph.close();
      tied.forEach((j, i) => (j.startdate = saved[i] as number));
    }
  });

  it('applies unified filters on the console: status, job type, time window', async () => {
    const result = await graph.run(UNIFIED, { first: 10, filter: { upstream: [BDR], status: ['FAILED'], jobType: ['snapshot', 'Backup'] } });
    expect(result.errors).toBeUndefined();
    expect(result.data.jobs.totalCount).toBe(sim.data.jobs.filter((j) => j.status === 'failed' && j.jobclass === 'snapshot').length);
    // A job type the console does not know leaves it out instead of failing.
    const none = await graph.run(UNIFIED, { first: 5, filter: { upstream: [BDR], jobType: ['Backup'] } });
    expect(none.errors).toBeUndefined();
    expect(none.data.jobs.totalCount).toBe(0);
  });

  it('storagePools lists console disk pools beside Commvault pools, with capacity severity', async () => {
    const result = await graph.run(`{ storagePools { __typename name freePercent severity upstream { id kind } ... on BackupDrDiskPool { consoleId poolType } } }`);
    expect(result.errors).toBeUndefined();
    const pools = result.data.storagePools;
    const consolePools = pools.filter((p: any) => p.__typename === 'BackupDrDiskPool');
    expect(consolePools.map((p: any) => p.consoleId).sort()).toEqual(idsOf(sim.data.diskpools).sort());
    expect(pools.some((p: any) => p.__typename === 'CommvaultStoragePool')).toBe(true);
    const nearFull = consolePools.find((p: any) => p.consoleId === sim.data.special.nearFullPoolId);
    expect(nearFull.severity).toBe('CRITICAL');
    expect(nearFull.upstream).toEqual({ id: BDR, kind: 'BACKUPDR' });
  });
});

describe('sessions under the graph', () => {
  it('survives every session expiring mid-load with one re-login, and leaves no session behind', async () => {
    const graph = startGraph([bdrUpstream()]);
    const page = (first: number) =>
      graph.run(`query($first: Int) { backupDr(upstream: "bdr-sim") { jobs(first: $first) { edges { node { application { appName } host { hostName } } } } } }`, { first });
    expect((await page(10)).errors).toBeUndefined();
    sim.setFaults({ expireAllTokens: true });
    const results = await Promise.all([page(11), page(12), page(13), page(14)]);
    expect(results.every((r) => r.errors === undefined)).toBe(true);
    expect(sim.calls('POST /session')).toBe(2);
    await graph.close();
    expect(sim.calls('DELETE /session/current')).toBe(1);
    expect(sim.liveSessions()).toBe(0);
  });
});

describe('over HTTP: callers with their own console tokens', () => {
  it('each caller sees its organization only, and gateway shutdown logs every console session out', async () => {
    const gw = await startTestGateway({
      upstreams: [bdrUpstream()],
      callers: [
        { id: 'team-a', apiKey: 'key-a', role: 'analyst', credentials: { [BDR]: { bearerToken: 'org-a-token' } } },
        { id: 'team-b', apiKey: 'key-b', role: 'analyst', credentials: { [BDR]: { bearerToken: 'org-b-token' } } },
        { id: 'ops', apiKey: 'key-ops', role: 'analyst' },
      ],
    });
    const orgId = (name: string) => sim.data.organizations.find((o) => o.name === name)!.id;
    const query = `{ backupDr(upstream: "${BDR}") { applications(first: 1) { totalCount } } }`;
    const total = async (apiKey: string) => {
      const res = await gw.query<{ backupDr: { applications: { totalCount: number } } }>(query, undefined, { apiKey });
      expect(res.body.errors).toBeUndefined();
      return res.body.data!.backupDr.applications.totalCount;
    };
    expect(await total('key-a')).toBe(sim.data.applications.filter((a) => a.orgIds.includes(orgId('OrgA'))).length);
    expect(await total('key-b')).toBe(sim.data.applications.filter((a) => a.orgIds.includes(orgId('OrgB'))).length);
    expect(await total('key-a')).toBe(sim.data.applications.filter((a) => a.orgIds.includes(orgId('OrgA'))).length);
    expect(await total('key-ops')).toBe(sim.data.applications.length);
    expect(sim.liveSessions()).toBe(3);
    await gw.close();
    expect(sim.liveSessions()).toBe(0);
  });
});
