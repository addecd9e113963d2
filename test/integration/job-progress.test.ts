import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import 'reflect-metadata';
import { startBackupDrSimulator, type BackupDrSimulator } from '../../simulators/backupdr/index.js';
import { startCommvaultSimulator, type CommvaultSimulator } from '../../simulators/commvault/index.js';
import { DEFAULT_MANIFEST_PATH } from '../../src/persisted/trusted-documents.js';
import { toGlobalId } from '../../src/util/global-id.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { wsClient, type Received, type WsClient } from '../helpers/ws-client.js';

/**
 * `Subscription.jobProgress` end to end: graphql-ws clients over real WebSockets to a gateway, real HTTP
 * from it to the Commvault simulator, whose started jobs run 3 s on its clock.
 */
const KEYS = { admin: 'k-admin', analyst: 'k-analyst', frontend: 'k-frontend', partner: 'k-partner', teamA: 'k-team-a', teamB: 'k-team-b' } as const;
const CV = 'cv';
const BDR = 'bdr';
const MIN_INTERVAL_MS = 100;
const JOB_MS = 3_000;

const PROGRESS = /* GraphQL */ `
  subscription Progress($id: ID!) {
    jobProgress(id: $id) { id status ... on CommvaultJob { jobId percentComplete } }
  }
`;
const CONSOLE_PROGRESS = /* GraphQL */ `
  subscription Progress($id: ID!) {
    jobProgress(id: $id) { id status ... on BackupDrJob { percentComplete: progress } }
  }
`;
const BACKUP = /* GraphQL */ `
  mutation Backup($input: BackupSubclientInput!) { backupSubclient(input: $input) { jobs { jobId } } }
`;

let sim: CommvaultSimulator;
let bdr: BackupDrSimulator;
let gw: TestGateway;
const open: WsClient[] = [];

function client(key: string | null = KEYS.analyst): WsClient {
  const c = wsClient(gw.url, key);
  open.push(c);
  return c;
}

const jobGid = (id: number) => toGlobalId('CommvaultJob', CV, id);
const steps = (r: Received) => r.results.map((x) => `${x.data?.jobProgress?.status}:${x.data?.jobProgress?.percentComplete}`);
const codes = (r: Received) => r.results.flatMap((x) => (x.errors ?? []).map((e) => e.extensions?.code));

async function startBackup(): Promise<number> {
  const sc = sim.data.subclients.find((s) => s.enableBackup && sim.data.clients.find((c) => c.clientId === s.clientId)?.online);
  if (!sc) throw new Error('no backupable subclient in the simulator data');
  const res = await gw.query<any>(BACKUP, { input: { subclient: toGlobalId('CommvaultSubclient', CV, sc.subclientId), level: 'FULL' } }, { apiKey: KEYS.admin });
  expect(res.body.errors).toBeUndefined();
  return res.body.data.backupSubclient.jobs[0].jobId as number;
}

/** A console backup started on the simulator's own API (the graph has no console mutation yet): its job id. */
async function startConsoleBackup(orgName?: string): Promise<string> {
  const call = (path: string, headers: Record<string, string> = {}, body?: unknown) =>
    fetch(`${bdr.url}${path}`, {
      method: 'POST',
      headers: { accept: 'application/json', authorization: 'Bearer admin-token', 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const { session_id: session } = (await (await call('/session')).json()) as { session_id: string };
  const org = orgName === undefined ? undefined : bdr.data.organizations.find((o) => o.name === orgName)?.id;
  const app = bdr.data.applications.find((a) => a.managed && a.apptype === 'VMBackup' && (org === undefined || a.orgIds.includes(org)));
  if (!app) throw new Error('no managed VM in the simulator data');
  expect((await call(`/application/${app.id}/backup`, { 'backupdr-management-session': `Actifio ${session}` }, {})).status).toBe(204);
  return bdr.data.jobs[bdr.data.jobs.length - 1].id;
}

beforeAll(async () => {
  sim = await startCommvaultSimulator({ port: 0, jobDurationMs: [JOB_MS, JOB_MS] });
  bdr = await startBackupDrSimulator({ port: 0, jobDurationMs: JOB_MS });
  gw = await startTestGateway({
    callers: [
      { id: 'admin', apiKey: KEYS.admin, role: 'admin' },
      { id: 'analyst', apiKey: KEYS.analyst, role: 'analyst' },
      { id: 'frontend', apiKey: KEYS.frontend, role: 'frontend' },
      { id: 'partner', apiKey: KEYS.partner, role: 'partner' },
      // Console callers with their own bearer tokens: each sees one organization's objects only.
      { id: 'team-a', apiKey: KEYS.teamA, role: 'analyst', credentials: { [BDR]: { bearerToken: 'org-a-token' } } },
      { id: 'team-b', apiKey: KEYS.teamB, role: 'analyst', credentials: { [BDR]: { bearerToken: 'org-b-token' } } },
    ],
    upstreams: [
      { id: CV, kind: 'commvault', url: sim.url, username: 'admin', password: 'admin' },
      { id: BDR, kind: 'backupdr', url: bdr.url, bearerToken: 'admin-token' },
    ],
    subscriptions: {
      roles: ['partner', 'analyst', 'admin'],
      poll: { minIntervalMs: MIN_INTERVAL_MS, maxIntervalMs: 4 * MIN_INTERVAL_MS, youngJobMs: 0 },
    },
  });
});

afterAll(async () => {
  await Promise.all(open.map((c) => c.dispose()));
  await gw?.close();
  await sim?.close();
  await bdr?.close();
});

beforeEach(() => {
  sim.reset();
  bdr.reset();
});

describe('jobProgress over WebSocket', () => {
  /**
   * 50 clients, each on its own connection, follow one running job to its end: all see the same sequence,
   * ending COMPLETED at 100 %, with progress never going back; the upstream saw one poll stream, at most
   * one read per floor interval over the run (50 streams would be 50 times that).
   */
  async function fiftyFollow(query: string, id: string, upstream: { reset(): void; calls(route: string): number }, route: string): Promise<void> {
    const clients = Array.from({ length: 50 }, () => client());
    await Promise.all(clients.map((c) => c.connected));
    upstream.reset();
    const started = Date.now();
    const subs = clients.map((c) => c.subscribe(query, { id }));
    await Promise.all(subs.map((s) => s.done));
    const elapsedMs = Date.now() - started;

    const sequences = subs.map(steps);
    expect(subs.every((s) => s.error === undefined)).toBe(true);
    expect(new Set(sequences.map((s) => s.join(' '))).size).toBe(1);
    const [sequence] = sequences;
    expect(sequence.at(-1)).toBe('COMPLETED:100');
    expect(sequence.length).toBeGreaterThan(2);
    const percents = sequence.map((s) => Number(s.split(':')[1]));
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    const reads = upstream.calls(route);
    console.log(`jobProgress: 50 subscribers, ${sequence.length} events each, ${reads} upstream ${route} in ${elapsedMs} ms`);
    expect(reads).toBeGreaterThanOrEqual(sequence.length);
    expect(reads).toBeLessThanOrEqual(Math.ceil(elapsedMs / MIN_INTERVAL_MS) + 2);
  }

  it('sends 50 subscribers of one running Commvault job the same progress, ending COMPLETED, from one poll stream', async () => {
    await fiftyFollow(PROGRESS, jobGid(await startBackup()), sim, 'GET /Job/{id}');
  });

  it('sends 50 subscribers of one running console job the same progress, ending COMPLETED, from one poll stream', async () => {
    await fiftyFollow(CONSOLE_PROGRESS, toGlobalId('BackupDrJob', BDR, await startConsoleBackup()), bdr, 'GET /jobstatus/{id}');
  });

  it('never shares a poll between upstream identities: one poll each, and a job hidden from one stays NOT_FOUND for it', async () => {
    const id = toGlobalId('BackupDrJob', BDR, await startConsoleBackup('OrgA'));
    const [service, teamA, teamB] = [client(), client(KEYS.teamA), client(KEYS.teamB)];
    await Promise.all([service.connected, teamA.connected, teamB.connected]);
    bdr.reset();
    const byService = [service.subscribe(CONSOLE_PROGRESS, { id }), service.subscribe(CONSOLE_PROGRESS, { id })];
    const byTeamA = [teamA.subscribe(CONSOLE_PROGRESS, { id }), teamA.subscribe(CONSOLE_PROGRESS, { id })];
    const byTeamB = teamB.subscribe(CONSOLE_PROGRESS, { id });
    await Promise.all([...byService, ...byTeamA, byTeamB].map((s) => s.done));

    // Team B's token does not see OrgA's job: the console says 404, whatever the others' polls read.
    expect(codes(byTeamB)).toEqual(['NOT_FOUND']);
    for (const s of [...byService, ...byTeamA]) expect(steps(s).at(-1)).toBe('COMPLETED:100');
    expect(steps(byService[1])).toEqual(steps(byService[0]));
    expect(steps(byTeamA[1])).toEqual(steps(byTeamA[0]));
    // Two identities that see the job, two poll streams (each reads at least once per event it sends), plus B's one read.
    expect(bdr.calls('GET /jobstatus/{id}')).toBeGreaterThanOrEqual(steps(byService[0]).length + steps(byTeamA[0]).length + 1);
  });

  it('sends a finished job once and completes', async () => {
    const finished = sim.data.jobs.find((j) => j.status === 'Completed');
    if (!finished) throw new Error('no finished job in the simulator data');
    const sub = client().subscribe(PROGRESS, { id: jobGid(finished.jobId) });
    await sub.done;
    expect(sub.error).toBeUndefined();
    expect(steps(sub)).toEqual([`COMPLETED:${finished.percentComplete}`]);
    expect(sim.calls('GET /Job/{id}')).toBe(1);
  });

  it('ends a subscription to an unknown job with NOT_FOUND, and a malformed id with BAD_USER_INPUT', async () => {
    const c = client();
    const unknown = c.subscribe(PROGRESS, { id: jobGid(987_654_321) });
    const foreign = c.subscribe(PROGRESS, { id: toGlobalId('CommvaultClient', CV, 2) });
    const hidden = c.subscribe(PROGRESS, { id: toGlobalId('CommvaultJob', 'not-configured', 1) });
    const malformed = c.subscribe(PROGRESS, { id: 'nope' });
    await Promise.all([unknown.done, foreign.done, hidden.done, malformed.done]);
    expect(codes(unknown)).toEqual(['NOT_FOUND']);
    expect(codes(foreign)).toEqual(['NOT_FOUND']);
    expect(codes(hidden)).toEqual(['NOT_FOUND']);
    expect(codes(malformed)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('authentication on connection_init', () => {
  it('closes the socket with 4401 for an unknown key or none', async () => {
    expect(await client('wrong-key').closed).toBe(4401);
    expect(await client(null).closed).toBe(4401);
  });

  it('closes the socket with 4403 for a role not allowed to subscribe', async () => {
    expect(await client(KEYS.frontend).closed).toBe(4403);
  });
});

describe('the HTTP rules apply to subscription documents', () => {
  it('refuses a subscription over HTTP with 400 BAD_USER_INPUT that points to WebSocket', async () => {
    const res = await gw.query(PROGRESS, { id: jobGid(1) }, { apiKey: KEYS.analyst });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0]?.message).toMatch(/WebSocket/);
  });

  it('lets a partner subscribe only through the trusted document', async () => {
    const manifest = JSON.parse(readFileSync(DEFAULT_MANIFEST_PATH, 'utf8')) as Record<string, string>;
    const [documentId] = Object.entries(manifest).find(([, text]) => text.includes('subscription JobProgress')) ?? [];
    expect(documentId).toBeDefined();
    const finished = sim.data.jobs.find((j) => j.status === 'Completed');
    const c = client(KEYS.partner);
    const free = c.subscribe(PROGRESS, { id: jobGid(finished?.jobId ?? 1) });
    const trusted = c.subscribe('', { id: jobGid(finished?.jobId ?? 1) }, { extensions: { documentId } });
    await Promise.all([free.done, trusted.done]);
    expect((free.error as Array<{ extensions?: { code?: string } }>)?.[0]?.extensions?.code).toBe('OPERATION_NOT_ALLOWED');
    expect(trusted.error).toBeUndefined();
    expect(trusted.results.map((r) => r.data?.jobProgress?.status)).toEqual(['COMPLETED']);
  });

  it('applies the document limits and the input bounds to subscription documents, and takes only subscriptions', async () => {
    const c = client();
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: id`).join(' ');
    const wide = c.subscribe(`subscription($id: ID!) { jobProgress(id: $id) { ${aliases} } }`, { id: jobGid(1) });
    await wide.done;
    expect((wide.error as Array<{ extensions?: { code?: string } }>)?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const query = c.subscribe('{ upstreams { id } }');
    await query.done;
    expect((query.error as Array<{ extensions?: { code?: string } }>)?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    let nested: unknown = 'x';
    for (let i = 0; i < 40; i++) nested = [nested];
    const deepVariables = c.subscribe(PROGRESS, { id: jobGid(1), extra: nested });
    await deepVariables.done;
    expect((deepVariables.error as Array<{ extensions?: Record<string, unknown> }>)?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', maxDepth: 32 });
  });
});
