import 'reflect-metadata';
import { parse, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { estimateCost } from '../../src/plugins/cost/estimate.js';
import type { UpstreamGroup } from '../../src/plugins/cost/hint-kinds.js';
import { buildGatewaySchema } from '../../src/schema/build-schema.js';
import { PRODUCTS, PRODUCT_COSTS } from '../../src/products.js';

const NOW = Date.parse('2026-11-20T12:00:00Z');
const DAY = 86_400_000;

/** The caller's upstreams: `commvault` CommServes `cv-a`, `cv-b`… and `backupdr` consoles `bdr-a`, `bdr-b`… */
function estate(commvault: number, backupdr: number): Array<{ id: string; group: UpstreamGroup }> {
  const ids = (prefix: string, n: number, group: UpstreamGroup) =>
    Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${String.fromCharCode(97 + i)}`, group }));
  return [...ids('cv', commvault, 'commvault'), ...ids('bdr', backupdr, 'backupdr')];
}

describe('estimateCost (upstream calls, by hand from the hints)', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildGatewaySchema(PRODUCTS);
  });

  const cost = (
    text: string,
    options: { variables?: Record<string, unknown>; commvault?: number; backupdr?: number; maxPageSize?: number } = {},
  ) =>
    estimateCost({
      schema,
      document: parse(text),
      variables: options.variables,
      upstreams: estate(options.commvault ?? 1, options.backupdr ?? 0),
      products: PRODUCT_COSTS,
      maxPageSize: options.maxPageSize ?? 500,
      now: NOW,
    });

  describe('batched relations cost one call per upstream, per-item relations one per parent', () => {
    it('prices a page of 100 jobs with client, subclient, plan and storage policy at a handful of calls', () => {
      const page = `{ jobs(first: 100) { edges { node { id ... on CommvaultJob {
        client { name } subclient { name } plan { name } storagePolicy { name } } } } } }`;
      // GET /Job per CommServe (2) + the console's started and queued lists (2) + GET /Client per CommServe (2); the rest is in the job.
      expect(cost(page, { commvault: 2, backupdr: 1 })).toBe(6);
    });

    it('prices 100 jobs with their storage policies’ copies at one detail call per job', () => {
      const page = '{ jobs(first: 100) { edges { node { ... on CommvaultJob { storagePolicy { name copies { name } } } } } } }';
      // 2 GET /Job + 2 console lists (started, queued) + 100 GET /StoragePolicy/{id}.
      expect(cost(page, { commvault: 2, backupdr: 1 })).toBe(104);
    });

    it('prices storage policies with their copies at one list per CommServe plus one detail per assumed policy', () => {
      const text = '{ commvaultStoragePolicies { name copies { name } } }';
      expect(cost(text, { commvault: 1 })).toBe(1 + 25);
      expect(cost(text, { commvault: 4 })).toBe(4 + 100);
      expect(cost('{ commvaultStoragePolicies(upstream: "cv-b") { copies { name } } }', { commvault: 4 })).toBe(1 + 25);
    });

    it('prices 500 clients each with its subclients at one call per client', () => {
      const text = '{ commvaultClients(first: 500) { edges { node { name subclients { name } } } } }';
      expect(cost(text)).toBe(1 + 500);
      expect(cost(text.replace('subclients { name }', 'hostName'))).toBe(1);
    });

    it('prices the last successful backup of 500 clients as a walk of job pages (6 clients per call), not one call per client', () => {
      expect(cost('{ commvaultClients(first: 500) { edges { node { name lastSuccessfulBackupAt } } } }')).toBe(1 + 84);
    });

    it('multiplies nested per-parent lists: clients × subclients × their jobs', () => {
      const text = '{ commvaultClients(first: 10) { edges { node { subclients { name jobs(first: 5) { totalCount } } } } } }';
      // 1 GET /Client + 10 GET /Subclient?clientId= + (10 × 3 assumed subclients) job pages.
      expect(cost(text)).toBe(1 + 10 + 30);
    });

    it('splits console id unions in chunks of 200 ids', () => {
      const apps = (first: number) => `{ backupDr(upstream: "bdr-a") { applications(first: ${first}) { edges { node { host { hostName } } } } } }`;
      expect(cost(apps(100), { backupdr: 1 })).toBe(1 + 1);
      expect(cost(apps(500), { backupdr: 1 })).toBe(1 + 3);
    });
  });

  describe('details several fields read', () => {
    it('charges a detail record once per object, however many of its fields are selected', () => {
      expect(cost('{ commvaultLibraries { name status } }')).toBe(1 + 10);
      expect(cost('{ commvaultLibraries { name status libraryType capacityBytes severity mountPaths { path } } }')).toBe(1 + 10);
      const job = (fields: string) => `{ backupDr(upstream: "bdr-a") { jobs(first: 50) { edges { node { ${fields} } } } } }`;
      // `sla` reads the job's application (the union `application` makes) and then the SLAs.
      expect(cost(job('sla { id }'), { backupdr: 1 })).toBe(1 + 2);
      expect(cost(job('application { appName } sla { id }'), { backupdr: 1 })).toBe(1 + 2);
    });

    it('charges nothing for a detail the objects arrived with, and one shared GET /Subclient/{id} for the properties', () => {
      const listed = (fields: string) => `{ commvaultClients(first: 10) { edges { node { subclients { name ${fields} } } } } }`;
      expect(cost(listed('description'))).toBe(cost(listed('')));
      // Content, filters, exceptions and streams are not in the list: one read per subclient, shared by all four.
      const properties = cost(listed('contentPaths')) - cost(listed(''));
      expect(properties).toBe(30);
      expect(cost(listed('contentPaths filters exceptions streamCount')) - cost(listed(''))).toBe(properties);
      // A subclient met in a job carries only names: one GET /Subclient?clientId= per subclient (at most).
      const inJobs = (fields: string) => `{ jobs(first: 10) { edges { node { ... on CommvaultJob { subclient { name ${fields} } } } } } }`;
      expect(cost(inJobs('description')) - cost(inJobs(''))).toBe(10);
      expect(cost(inJobs('description contentPaths')) - cost(inJobs(''))).toBe(20);
      // The alerts come from detail calls already; the engine list does not.
      expect(cost('{ ddbAlerts { name avgQiMicros severity } }')).toBe(1 + 10);
      expect(cost('{ commvaultDdbStores { name } }')).toBe(1);
      expect(cost('{ commvaultDdbStores { name avgQiMicros severity } }')).toBe(1 + 10);
    });
  });

  describe('page sizes', () => {
    const history = 'query ($n: Int = 30) { commvaultClients(first: $n) { edges { node { agents { __typename } } } } }';

    it('reads `first` from literals, variables and variable defaults, and defaults to 20', () => {
      expect(cost(history)).toBe(1 + 30);
      expect(cost(history, { variables: { n: 200 } })).toBe(1 + 200);
      expect(cost(history, { variables: { n: null } })).toBe(1 + 20);
      expect(cost('{ commvaultClients { edges { node { agents { __typename } } } } }')).toBe(1 + 20);
    });

    it('prices no page above server.maxPageSize (the resolvers refuse larger) and a refused one as the default', () => {
      expect(cost(history, { variables: { n: 100_000 }, maxPageSize: 250 })).toBe(1 + 250);
      expect(cost(history, { variables: { n: -5 } })).toBe(1 + 20);
      expect(cost(history, { variables: { n: 'many' } })).toBe(1 + 20);
    });
  });

  describe('documents as execution reads them', () => {
    const clients = (alias: string) => `${alias} commvaultClients(first: 10) { edges { node { agents { __typename } } } }`;

    it('counts aliases separately and one response key once', () => {
      expect(cost(`{ ${clients('a:')} ${clients('b:')} }`)).toBe(2 * 11);
      expect(cost(`{ ${clients('')} ${clients('')} }`)).toBe(11);
    });

    it('follows named and inline fragments', () => {
      const viaFragments = `{ ...Page }
        fragment Page on Query { commvaultClients(first: 10) { edges { node { ...History } } } }
        fragment History on CommvaultClient { ... on ProtectedWorkload { lastSuccessfulBackupAt } }`;
      // The client list, and the 10 clients' last backups from ceil(10 / 6) job pages.
      expect(cost(viaFragments)).toBe(1 + 2);
    });

    it('leaves out selections @skip or @include turns off, by literal or variable', () => {
      const text = `query ($heavy: Boolean!) {
        upstreams { id }
        commvaultClients(first: 100) @include(if: $heavy) { edges { node { agents { __typename } } } }
        commvaultPlans @skip(if: true) { name } }`;
      expect(cost(text, { variables: { heavy: true } })).toBe(101);
      expect(cost(text, { variables: { heavy: false } })).toBe(0);
      expect(cost('{ commvaultPlans @skip(if: false) { name } commvaultLibraries @include(if: true) { name } }')).toBe(2);
    });

    it('prices an interface or union selection as its dearest possible type, not the sum of its fragments', () => {
      const text = `{ node(id: "x") {
        ... on CommvaultClient { jobs(first: 50) { edges { node { ... on CommvaultJob { client { name } } } } } }
        ... on BackupDrApplication { jobs(first: 50) { totalCount edges { node { host { hostName } sla { id } } } } } } }`;
      const commvault = 1 + 1 + 1; // node, the client's job page, the client list
      const console = 1 + 2 + 1 + 2; // node, page + HEAD, hosts, applications + SLAs
      expect(cost(text, { backupdr: 1 })).toBe(Math.max(commvault, console));
    });

    it('counts a console HEAD only where totalCount is selected, however it is named', () => {
      // Finished jobs only: one list per console (no queued jobs to read).
      const jobs = (fields: string) => `{ jobs(first: 10, filter: { category: FINISHED }) { ${fields} edges { cursor } } }`;
      expect(cost(jobs(''), { commvault: 1, backupdr: 2 })).toBe(1 + 2);
      expect(cost(jobs('totalCount'), { commvault: 1, backupdr: 2 })).toBe(1 + 2 * 2);
      expect(cost(`{ jobs(first: 10, filter: { category: FINISHED }) { ...Count } } fragment Count on JobConnection { totalCount }`, { commvault: 1, backupdr: 2 })).toBe(1 + 2 * 2);
      // A totalCount the directives leave out sends no HEAD (the resolvers read them the same way).
      expect(cost(jobs('totalCount @skip(if: true)'), { commvault: 1, backupdr: 2 })).toBe(1 + 2);
      expect(cost(`{ jobs(first: 10, filter: { category: FINISHED }) { ...Count @include(if: false) } } fragment Count on JobConnection { totalCount }`, { commvault: 1, backupdr: 2 })).toBe(1 + 2);
      // Any job: the started and the queued list per console.
      expect(cost('{ jobs(first: 10) { edges { cursor } } }', { commvault: 1, backupdr: 2 })).toBe(1 + 2 * 2);
    });

    it('walks each fragment once per selection, however often it is spread', () => {
      // Forty fragments each spreading the next twice: 2^40 visits if spreads were followed every time.
      const levels = 40;
      const fragments = Array.from({ length: levels }, (_, i) =>
        i === levels - 1 ? `fragment F${i} on Query { commvaultPlans { name } }` : `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
      );
      expect(cost(`{ ...F0 } ${fragments.join(' ')}`)).toBe(1);
    });

    it('costs nothing for introspection and __typename', () => {
      expect(cost('{ __typename __schema { types { name fields { name } } } }')).toBe(0);
    });
  });

  describe('upstreams and job windows', () => {
    it('fans out over the upstreams the caller may see, narrowed by filter.upstream and filter.client', () => {
      // A console reads its started and its queued jobs: two calls.
      const text = 'query ($f: JobFilter) { jobs(first: 20, filter: $f) { edges { cursor } } }';
      expect(cost(text, { commvault: 3, backupdr: 2 })).toBe(3 + 2 * 2);
      expect(cost(text, { commvault: 3, backupdr: 2, variables: { f: { upstream: ['cv-a', 'bdr-b', 'bdr-b'] } } })).toBe(1 + 2);
      expect(cost(text, { commvault: 3, backupdr: 2, variables: { f: { client: 'Q2xpZW50' } } })).toBe(1);
    });

    it('prices a filter the gateway applies at the window’s job pages per CommServe', () => {
      const text = 'query ($f: JobFilter) { jobs(first: 20, filter: $f) { edges { cursor } } }';
      const since = (days: number) => new Date(NOW - days * DAY).toISOString();
      expect(cost(text, { variables: { f: { category: 'FINISHED', jobType: ['Backup'] } } })).toBe(1);
      expect(cost(text, { variables: { f: { status: ['FAILED'], startedAfter: since(3) } } })).toBe(3);
      // No start given: the whole job history (30 days of 1000 jobs assumed), in pages of 1000.
      expect(cost(text, { variables: { f: { status: ['FAILED', 'KILLED'] } } })).toBe(30);
      expect(cost(text, { variables: { f: { status: ['FAILED'], startedAfter: since(3) } }, backupdr: 1 })).toBe(3 + 1);
    });

    it('prices the monitoring windows by their length', () => {
      expect(cost('{ jobStatusSummary { total } }', { commvault: 2 })).toBe(2);
      expect(cost('{ jobStatusSummary(since: "2026-10-01T00:00:00Z", until: "2026-11-01T00:00:00Z") { total } }')).toBe(31);
      // V4/Servers + 7 pages of backup jobs + GET /Client, then one history per (assumed 25) workload.
      expect(cost('{ unprotectedWorkloads { gap lastJobStatus lastSuccessfulBackupAt } }')).toBe(9 + 25);
      expect(cost('{ unprotectedWorkloads(days: 14) { gap } }')).toBe(16);
    });
  });
});
