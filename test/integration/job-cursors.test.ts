import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { createGateway, type Gateway } from '../../src/gateway.js';
import { DEMO_ESTATE } from '../helpers/demo-estate.js';
import { testStoreEnv } from '../helpers/store-dir.js';

/** One job as an upstream lists it: where it sorts (epoch ms; start, else queue time) and its upstream id. */
interface RawJob {
  upstream: string;
  id: string;
  at: number;
  /** The product's own status word. */
  status: string;
}

/**
 * The documented order (docs/schema.md, "The unified jobs list"), written out here rather than imported:
 * newest time first, then upstream id A→Z, then job id highest first.
 */
function documentedOrder(a: RawJob, b: RawJob): number {
  if (a.at !== b.at) return b.at - a.at;
  if (a.upstream !== b.upstream) return a.upstream < b.upstream ? -1 : 1;
  return Number(b.id) - Number(a.id);
}

const key = (j: { upstream: string; id: string }) => `${j.upstream}/${j.id}`;

/** Every job a CommServe simulator lists (`GET /Job`, every type, 1000 a page), read directly. */
async function commvaultJobs(upstream: string, url: string): Promise<RawJob[]> {
  const login = await fetch(`${url}/Login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ mode: 4, username: 'admin', password: Buffer.from('admin').toString('base64'), deviceId: 'test', clientType: 30 }),
  });
  const token = ((await login.json()) as { token: string }).token;
  const out: RawJob[] = [];
  for (let offset = 0; ; offset += 1000) {
    const res = await fetch(`${url}/Job?jobFilter=`, { headers: { accept: 'application/json', authtoken: token, limit: '1000', offset: String(offset) } });
    const body = (await res.json()) as { totalRecordsWithoutPaging: number; jobs?: Array<{ jobSummary: { jobId: number; jobStartTime: number; status: string } }> };
    for (const { jobSummary: s } of body.jobs ?? []) out.push({ upstream, id: String(s.jobId), at: s.jobStartTime * 1000, status: s.status });
    if (offset + 1000 >= body.totalRecordsWithoutPaging) return out;
  }
}

/** Every job a console simulator lists (`/jobstatus`), read directly. */
async function consoleJobs(upstream: string, url: string): Promise<RawJob[]> {
  const auth = { authorization: 'Bearer admin-token', accept: 'application/json' };
  const session = ((await (await fetch(`${url}/session`, { method: 'POST', headers: auth })).json()) as { session_id: string }).session_id;
  const out: RawJob[] = [];
  for (let offset = 0; ; offset += 5000) {
    const res = await fetch(`${url}/jobstatus?offset=${offset}&limit=5000`, { headers: { ...auth, 'backupdr-management-session': `Actifio ${session}` } });
    const body = (await res.json()) as { items: Array<{ id: string; startdate?: number; queuedate: number; status: string }> };
    for (const j of body.items) out.push({ upstream, id: j.id, at: Math.floor((j.startdate ?? j.queuedate) / 1000), status: j.status });
    if (body.items.length < 5000) return out;
  }
}

const PAGE = /* GraphQL */ `
  query($first: Int, $after: String, $filter: JobFilter) {
    jobs(first: $first, after: $after, filter: $filter) {
      pageInfo { hasNextPage endCursor }
      edges { cursor node { upstream { id } ... on CommvaultJob { jobId } ... on BackupDrJob { consoleId } } }
    }
  }
`;

interface Page {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ cursor: string; node: { upstream: { id: string }; jobId?: number; consoleId?: string } }>;
}

describe('job cursors on the demo estate', () => {
  let gateway: Gateway;
  let url: string;
  const upstreamUrl = (id: string) => gateway.config.upstreams.find((u) => u.id === id)!.url;

  async function graphql<T>(query: string, variables: Record<string, unknown> = {}, apiKey = 'demo-analyst') {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  }

  /** Pages `jobs` to the end; `between(n)` runs after page n. Returns the jobs as upstream/id. */
  async function walk(first: number, filter: Record<string, unknown> | undefined, between?: (n: number) => Promise<void>): Promise<string[]> {
    const seen: string[] = [];
    let after: string | null = null;
    for (let n = 0; n < 10_000; n++) {
      const result: { data?: { jobs: Page }; errors?: unknown } = await graphql<{ jobs: Page }>(PAGE, { first, after, filter });
      expect(result.errors).toBeUndefined();
      const page: Page = result.data!.jobs;
      for (const e of page.edges) seen.push(key({ upstream: e.node.upstream.id, id: String(e.node.jobId ?? e.node.consoleId) }));
      if (!page.pageInfo.hasNextPage) return seen;
      after = page.pageInfo.endCursor;
      await between?.(n);
    }
    throw new Error('the walk did not end');
  }

  async function estateJobs(only?: readonly string[]): Promise<RawJob[]> {
    const lists = await Promise.all(
      DEMO_ESTATE.filter((u) => !only || only.includes(u.id)).map((u) => (u.kind === 'BACKUPDR' ? consoleJobs(u.id, upstreamUrl(u.id)) : commvaultJobs(u.id, upstreamUrl(u.id)))),
    );
    return lists.flat();
  }

  /** A whole second before the gateway (and its simulators) started: every job before it is seeded data. */
  let gatewayStart: Date;

  beforeAll(async () => {
    gatewayStart = new Date(Math.floor(Date.now() / 1000) * 1000);
    const env: Record<string, string> = { PORT: '0', LOG_LEVEL: 'silent', ...testStoreEnv() };
    for (const u of DEMO_ESTATE) env[u.portEnv] = '0';
    gateway = await createGateway(await loadConfig(env), { logger: pino({ level: 'silent' }) });
    url = await gateway.listen();
  }, 60_000);

  afterAll(async () => {
    await gateway?.stop();
  });

  it('pages every job of the five upstreams exactly once in the documented order, while backups start between pages', async () => {
    const expected = (await estateJobs()).sort(documentedOrder).map(key);
    // Something to back up on a CommServe and on a console: ids read through the graph, outcomes from the simulators.
    const targets = await graphql<{ cv: Page & { edges: Array<{ node: { subclient: { id: string } } }> }; bdr: { edges: Array<{ node: { application: { id: string } } }> } }>(`{
      cv: jobs(first: 1, filter: { upstream: ["cv-demo"], category: FINISHED }) { edges { node { ... on CommvaultJob { subclient { id } } } } }
      bdr: jobs(first: 1, filter: { upstream: ["bdr-demo"], category: FINISHED }) { edges { node { ... on BackupDrJob { application { id } } } } }
    }`);
    const subclient = targets.data!.cv.edges[0]!.node.subclient.id;
    const application = targets.data!.bdr.edges[0]!.node.application.id;
    let started = 0;
    const seen = await walk(500, undefined, async (n) => {
      if (n % 40 !== 5) return;
      const result = await graphql<{ a: unknown; b: unknown }>(
        `mutation($s: ID!, $a: ID!) { a: backupSubclient(input: { subclient: $s, level: INCREMENTAL }) { jobs { id } } b: backupApplication(input: { application: $a }) { jobFound } }`,
        { s: subclient, a: application },
        'demo-admin',
      );
      expect(result.errors).toBeUndefined();
      started += 2;
    });
    expect(started).toBeGreaterThan(0);
    // The jobs started during the walk are on the upstreams now, and not in the walk: they sort before its place.
    expect((await estateJobs()).length).toBe(expected.length + started);
    expect(seen.length).toBe(expected.length);
    expect(seen).toEqual(expected);
  }, 600_000);

  // A CommServe and a console: the Cloud tenant's hourly budget went on the walk above.
  const TWO = ['cv-demo', 'bdr-demo'];

  it('keeps the status filter with the new cursors: every failed job once, in order', async () => {
    // Up to the walk above: a backup it started on an unreachable client fails while this walk runs,
    // which would put it in one list and not the other depending on timing.
    const before = gatewayStart;
    const all = await estateJobs(TWO);
    const expected = all.filter((j) => j.status.toLowerCase() === 'failed' && j.at < before.getTime()).sort(documentedOrder).map(key);
    expect(expected.length).toBeGreaterThan(100);
    expect(await walk(50, { status: ['FAILED'], upstream: TWO, startedBefore: before.toISOString() })).toEqual(expected);
  }, 300_000);

  it('refuses a cursor of another filter and an edited cursor with BAD_USER_INPUT', async () => {
    const first = await graphql<{ jobs: Page }>(PAGE, { first: 5, filter: { upstream: TWO } });
    const cursor = first.data!.jobs.pageInfo.endCursor!;
    const other = await graphql(PAGE, { first: 5, after: cursor, filter: { upstream: TWO, status: ['FAILED'] } });
    expect(other.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    const body = cursor.slice(0, cursor.indexOf('.'));
    const json = Buffer.from(body, 'base64url').toString('utf8');
    // The place moved to another job id, re-encoded with the old check.
    const edited = `${Buffer.from(json.replace(/"(\d+)"\]/, (_m, id: string) => `"${Number(id) - 1}"]`)).toString('base64url')}${cursor.slice(cursor.indexOf('.'))}`;
    expect(edited).not.toBe(cursor);
    const tampered = await graphql(PAGE, { first: 5, after: edited, filter: { upstream: TWO } });
    expect(tampered.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    // The untouched cursor pages on.
    const next = await graphql<{ jobs: Page }>(PAGE, { first: 5, after: cursor, filter: { upstream: TWO } });
    expect(next.errors).toBeUndefined();
    expect(next.data!.jobs.edges).toHaveLength(5);
  });
});
