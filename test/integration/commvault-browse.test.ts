import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import 'reflect-metadata';
import { startCommvaultSimulator, type CommvaultSimulator, type Subclient } from '../../simulators/commvault/index.js';
import { browseItems, finishedBackups, type BrowseItem } from '../../simulators/commvault/data/browse-tree.js';
import { parseConfig } from '../../src/config/load.js';
import { CommvaultSource } from '../../src/datasources/commvault/commvault-source.js';
import { createUpstreamPipeline } from '../../src/datasources/pipeline/index.js';
import { isGatewayError } from '../../src/errors/gateway-error.js';
import { commvaultUpstream, startTestGateway, type TestGateway } from '../helpers/gateway.js';

/**
 * Browse and find on a subclient end to end: real HTTP to a gateway, real HTTP from it to the simulator.
 * Every expectation comes from the simulator's seeded tree (its data module), never from the gateway.
 */
const CV = 'cv';

let sim: CommvaultSimulator;
let gw: TestGateway;
/** A Windows file-system subclient with two drives and a history of backups. */
let sc: Subclient;

interface Entry {
  path: string;
  name: string;
  isDirectory: boolean;
  sizeBytes: number | null;
  modifiedAt: string | null;
  backedUpAt: string | null;
}
interface Page {
  totalCount: number | null;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ node: Entry }>;
}

const PAGE = 'totalCount pageInfo { hasNextPage endCursor } edges { node { path name isDirectory sizeBytes modifiedAt backedUpAt } }';
const BROWSE = `query ($sc: Int!, $path: String, $at: DateTime, $first: Int, $after: String) {
  commvaultSubclient(upstream: "${CV}", subclientId: $sc) { browse(path: $path, pointInTime: $at, first: $first, after: $after) { ${PAGE} } }
}`;
const FIND = `query ($sc: Int!, $pattern: String!, $path: String, $at: DateTime, $first: Int, $after: String) {
  commvaultSubclient(upstream: "${CV}", subclientId: $sc) { find(pattern: $pattern, path: $path, pointInTime: $at, first: $first, after: $after) { ${PAGE} } }
}`;

const iso = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString();
const expected = (items: BrowseItem[]): Entry[] =>
  items.map((i) => ({ path: i.path, name: i.name, isDirectory: i.isDirectory, sizeBytes: i.sizeBytes, modifiedAt: iso(i.modifiedAt), backedUpAt: iso(i.backupTime) }));
const simBrowse = (path: string, toTime = 0) => browseItems(sim.data, sc, { find: false, path, toTime });
const simFind = (pattern: string, path = '\\', toTime = 0) => browseItems(sim.data, sc, { find: true, path, toTime, pattern });

async function page(document: string, variables: Record<string, unknown>): Promise<{ page: Page | undefined; codes: unknown[]; data: any }> {
  const res = await gw.query<any>(document, { sc: sc.subclientId, ...variables });
  const field = res.body.data?.commvaultSubclient;
  return { page: field?.browse ?? field?.find, codes: (res.body.errors ?? []).map((e) => e.extensions?.code), data: res.body.data };
}

/** Every page from the start, following endCursor. */
async function walk(document: string, variables: Record<string, unknown>): Promise<{ nodes: Entry[]; totals: Array<number | null>; pages: number }> {
  const nodes: Entry[] = [];
  const totals: Array<number | null> = [];
  let after: string | null = null;
  for (let pages = 1; ; pages++) {
    const { page: p, codes } = await page(document, { ...variables, after });
    expect(codes).toEqual([]);
    nodes.push(...p!.edges.map((e) => e.node));
    totals.push(p!.totalCount);
    if (!p!.pageInfo.hasNextPage) return { nodes, totals, pages };
    after = p!.pageInfo.endCursor;
  }
}

beforeAll(async () => {
  sim = await startCommvaultSimulator({ port: 0 });
  sc = sim.data.subclients.find((s) => s.content.length === 2 && s.content[0].startsWith('C:') && finishedBackups(sim.data, s.subclientId).length >= 5)!;
  gw = await startTestGateway({ upstreams: [commvaultUpstream(CV, sim.url)] });
});

afterAll(async () => {
  await gw?.close();
  await sim?.close();
});

beforeEach(() => sim.reset());

describe('CommvaultSubclient.browse', () => {
  it('lists the root: the drives of the subclient content, with sizes and times of the latest backup', async () => {
    const want = expected(simBrowse('\\'));
    expect(want.map((e) => e.path)).toEqual(['C:', 'D:']);
    const { page: p, codes } = await page(BROWSE, {});
    expect(codes).toEqual([]);
    expect(p!.edges.map((e) => e.node)).toEqual(want);
    expect(p!.totalCount).toBe(2);
    expect(p!.pageInfo.hasNextPage).toBe(false);
    expect(sim.stats().byRoute['POST /DoBrowse']).toBe(1);
  });

  it('lists a sub-folder given by an entry path: its direct children only', async () => {
    const folder = simBrowse('C:').find((i) => i.isDirectory)!;
    const want = expected(simBrowse(folder.path));
    expect(want.length).toBeGreaterThan(0);
    expect(want.every((e) => e.path.startsWith(`${folder.path}\\`) && !e.path.slice(folder.path.length + 1).includes('\\'))).toBe(true);
    const { page: p } = await page(BROWSE, { path: folder.path, first: 100 });
    expect(p!.edges.map((e) => e.node)).toEqual(want);
    expect(p!.totalCount).toBe(want.length);
  });

  it('pages with first/after upstream (one DoBrowse per page), totalCount on every page, no item skipped or repeated', async () => {
    const want = expected(simBrowse('C:'));
    expect(want.length).toBeGreaterThan(3);
    const { nodes, totals, pages } = await walk(BROWSE, { path: 'C:', first: 3 });
    expect(nodes).toEqual(want);
    expect(totals.every((t) => t === want.length)).toBe(true);
    expect(pages).toBe(Math.ceil(want.length / 3));
    expect(sim.stats().byRoute['POST /DoBrowse']).toBe(pages);
  });

  it('shows the data as of pointInTime: files first backed up later are hidden, sizes are those of then', async () => {
    const backups = finishedBackups(sim.data, sc.subclientId);
    const then = backups[2].endTime;
    const latest = simFind('*');
    const atThen = simFind('*', '\\', then);
    // The seeded tree grows with the backups: the point in time must hide something for this test to prove it.
    expect(atThen.length).toBeLessThan(latest.length);
    const hidden = latest.find((i) => !i.isDirectory && !atThen.some((t) => t.path === i.path))!;
    const parent = hidden.path.slice(0, hidden.path.lastIndexOf('\\'));

    const { nodes } = await walk(BROWSE, { path: parent, at: iso(then), first: 50 });
    expect(nodes).toEqual(expected(simBrowse(parent, then)));
    expect(nodes.map((n) => n.path)).not.toContain(hidden.path);
    expect(nodes.every((n) => n.backedUpAt === null || n.backedUpAt <= iso(then))).toBe(true);
    const now = await walk(BROWSE, { path: parent, first: 50 });
    expect(now.nodes.map((n) => n.path)).toContain(hidden.path);
  });

  it('answers an empty page for a folder the backups do not hold', async () => {
    const { page: p, codes } = await page(BROWSE, { path: 'Q:\\nothing-here' });
    expect(codes).toEqual([]);
    expect(p).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
  });
});

describe('CommvaultSubclient.find', () => {
  it('finds names matching a wildcard at any depth, across both drives', async () => {
    const want = expected(simFind('*.pdf'));
    expect(want.length).toBeGreaterThan(0);
    expect(new Set(want.map((e) => e.path.split('\\').length)).size).toBeGreaterThan(1);
    const { nodes, totals } = await walk(FIND, { pattern: '*.pdf', first: 100 });
    expect(nodes).toEqual(want);
    expect(totals[0]).toBe(want.length);
  });

  it('searches below path only, with ? for one character, paged', async () => {
    // A folder with a few matches (the seed's deleted files leave some with fewer).
    const folder = simBrowse('C:').find((i) => i.isDirectory && simFind('*-???.*', i.path).length > 2)!;
    const want = expected(simFind('*-???.*', folder.path));
    expect(want.length).toBeGreaterThan(2);
    expect(want.every((e) => e.path.startsWith(`${folder.path}\\`))).toBe(true);
    const { nodes, totals } = await walk(FIND, { pattern: '*-???.*', path: folder.path, first: 2 });
    expect(nodes).toEqual(want);
    expect(totals.every((t) => t === want.length)).toBe(true);
  });

  it('respects pointInTime', async () => {
    const then = finishedBackups(sim.data, sc.subclientId)[1].endTime;
    const want = expected(simFind('*', '\\', then));
    expect(want.length).toBeLessThan(simFind('*').length);
    const { nodes } = await walk(FIND, { pattern: '*', at: iso(then), first: 200 });
    expect(nodes).toEqual(want);
  });
});

describe('unknown subclients and bad input', () => {
  it('an unknown subclient is null, with no error and no browse', async () => {
    const res = await gw.query<any>(BROWSE, { sc: 9_999_999 });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({ commvaultSubclient: null });
    expect(sim.stats().byRoute['POST /DoBrowse']).toBeUndefined();
  });

  it('a subclient the CommServe refuses to browse is NOT_FOUND (datasource over HTTP)', async () => {
    const config = parseConfig({ upstreams: [commvaultUpstream(CV, sim.url)] }, {});
    const logger = pino({ level: 'silent' });
    const pipeline = createUpstreamPipeline({ upstreams: config.upstreams, cache: config.cache, logger });
    const source = new CommvaultSource({ instanceId: CV, kind: 'commvault', identity: 'user:admin', pipeline, logger, username: 'admin', password: 'admin' });
    try {
      const entity = { subclientId: 9_999_999, clientId: null, clientName: null, applicationId: null, agentInstanceId: null, backupsetId: null };
      const error = await source.browseSubclient(entity, { offset: 0, limit: 10 }).then(() => undefined, (e: unknown) => e);
      expect(isGatewayError(error) && error.code).toBe('NOT_FOUND');
      expect((error as Error).message).toBe('Subclient [9999999] not found.');
    } finally {
      await source.close();
      await pipeline.close();
    }
  });

  it.each([
    ['browse, first: 0', BROWSE, { first: 0 }],
    ['browse, first above the maximum', BROWSE, { first: 100_000 }],
    ['browse, an empty path', BROWSE, { path: ' ' }],
    ['browse, a wildcard in path', BROWSE, { path: 'C:\\*' }],
    ['browse, a control character in path', BROWSE, { path: 'C:\\a\u0001b' }],
    ['browse, a cursor of another query', BROWSE, { after: 'bm90LWEtY3Vyc29y' }],
    ['find, an empty pattern', FIND, { pattern: '' }],
    ['find, a path as pattern', FIND, { pattern: 'C:\\*.pdf' }],
    ['find, a pattern of 256 characters', FIND, { pattern: 'a'.repeat(256) }],
  ])('%s is BAD_USER_INPUT before any browse', async (_name, document, variables) => {
    const { codes } = await page(document, variables);
    expect(codes).toEqual(['BAD_USER_INPUT']);
    expect(sim.stats().byRoute['POST /DoBrowse']).toBeUndefined();
  });

  it('a cursor of the browse is refused by the find of the same folder', async () => {
    const { page: p } = await page(BROWSE, { path: 'C:', first: 1 });
    const { codes } = await page(FIND, { pattern: '*', path: 'C:', first: 1, after: p!.pageInfo.endCursor });
    expect(codes).toEqual(['BAD_USER_INPUT']);
  });
});
