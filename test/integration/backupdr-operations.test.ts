import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import 'reflect-metadata';
import { startBackupDrSimulator, type Application, type Backup, type BackupDrSimulator, type Sla } from '../../simulators/backupdr/index.js';
import { startCommvaultSimulator, type CommvaultSimulator } from '../../simulators/commvault/index.js';
import { parseConfig } from '../../src/config/load.js';
import { createGateway, type Gateway } from '../../src/gateway.js';
import { BackupApplicationDocument } from '../../src/generated/operations/graphql.js';
import { toGlobalId } from '../../src/util/global-id.js';

/**
 * The console mutations end to end: real HTTP to a gateway, real HTTP from it to the Backup and DR
 * simulator (and the Commvault one for mixed job control). Expectations come from the simulator's data.
 */
const KEYS = { admin: 'k-admin', readonly: 'k-readonly', orgA: 'k-org-a', analyst: 'k-analyst', partner: 'k-partner' } as const;
const BDR = 'bdr';
/** The same console with a timeout the afterWrite delay outlasts. */
const BDR_SLOW = 'bdr-slow';
const CV = 'cv';

interface Answer {
  status: number;
  body: { data?: any; errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, any> }> };
}

let sim: BackupDrSimulator;
let cv: CommvaultSimulator;
let gateway: Gateway;
let url: string;
const auditLines: Array<Record<string, any>> = [];

async function gql(query: string, variables: Record<string, unknown> = {}, key: string = KEYS.admin, extra: Record<string, unknown> = {}): Promise<Answer> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables, ...extra }),
  });
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

const codes = (a: Answer) => (a.body.errors ?? []).map((e) => e.extensions?.code);
/** Every console write the simulator received (reads and the login excluded). */
const consoleWrites = () =>
  Object.entries(sim.stats().byRoute)
    .filter(([route]) => /^(POST|PUT|DELETE) /.test(route) && !route.includes('/session'))
    .reduce((n, [, c]) => n + (c as number), 0);

const gid = (type: string, id: string, upstream = BDR) => toGlobalId(type, upstream, id);
const orgId = (name: string) => sim.data.organizations.find((o) => o.name === name)!.id;
const inOrg = (app: Application, org: string) => app.orgIds.includes(orgId(org));
const appOf = (b: Backup) => sim.data.applications.find((a) => a.id === b.appId)!;
const slaOf = (app: Application) => sim.data.slas.find((s) => s.id === app.slaId)!;
const templatePolicies = (app: Application) => sim.data.slts.find((t) => t.id === slaOf(app).sltId)!.policyIds.map((id) => sim.data.policies.find((p) => p.id === id)!);

/** A protected application of an organization (any when not given), not a consistency group. */
function protectedApp(org?: string, notOrg?: string): Application {
  const app = sim.data.applications.find(
    (a) => a.slaId !== null && a.apptype !== 'ConsistGrp' && (!org || inOrg(a, org)) && (!notOrg || !inOrg(a, notOrg)),
  );
  if (!app) throw new Error('no such application in the simulator data');
  return app;
}

/** An image that can be expired (neither immutable nor mounted), of an organization's application. */
function plainImage(org?: string, notOrg?: string, skip = 0): Backup {
  const images = sim.data.backups.filter((b) => (b.flags & (8 | 16)) === 0 && (!org || inOrg(appOf(b), org)) && (!notOrg || !inOrg(appOf(b), notOrg)));
  const image = images[skip];
  if (!image) throw new Error('no such image in the simulator data');
  return image;
}

const BACKUP = /* GraphQL */ `
  mutation Backup($input: BackupApplicationInput!) {
    backupApplication(input: $input) { jobFound label job { id consoleId status label jobType policyName application { consoleId } } }
  }
`;
const MOUNT = /* GraphQL */ `
  mutation Mount($input: MountBackupInput!) {
    mountBackup(input: $input) { jobFound label job { consoleId jobType targetHost label } backup { consoleId } }
  }
`;
const UNMOUNT = /* GraphQL */ `mutation Unmount($input: UnmountBackupInput!) { unmountBackup(input: $input) { backup { consoleId } } }`;
const EXPIRE = /* GraphQL */ `mutation Expire($input: ExpireBackupInput!) { expireBackup(input: $input) { backupId backup { consoleId } } }`;
const UPDATE_BACKUP = /* GraphQL */ `mutation UpdateBackup($input: UpdateBackupInput!) { updateBackup(input: $input) { backup { consoleId label expiration } } }`;
const UPDATE_SLA = /* GraphQL */ `
  mutation UpdateSla($input: UpdateSlaInput!) {
    updateSla(input: $input) { sla { consoleId scheduleOff expirationOff logExpirationOff dedupAsyncOff description } }
  }
`;
const APPLY_SLA = /* GraphQL */ `mutation Apply($input: ApplySlaInput!) { applySla(input: $input) { sla { consoleId application { consoleId } slt { consoleId } slp { consoleId } scheduleOff } } }`;
const REMOVE_SLA = /* GraphQL */ `mutation Remove($input: RemoveSlaInput!) { removeSla(input: $input) { slaId } }`;
const UPDATE_APP = /* GraphQL */ `
  mutation UpdateApp($input: UpdateApplicationInput!) { updateApplication(input: $input) { application { consoleId name description sensitivity ignore } } }
`;
const CONTROL = /* GraphQL */ `
  mutation Control($input: ControlJobsInput!) {
    controlJobs(input: $input) { results { jobId ok job { id status ... on BackupDrJob { statusText } ... on CommvaultJob { statusText } } error { code message } } }
  }
`;
const CONSOLE_JOBS = /* GraphQL */ `{ backupDr(upstream: "${BDR}") { jobs(first: 30) { edges { node { consoleId label } } } } }`;

async function startConsoleBackup(app: Application, extra: Record<string, unknown> = {}, key: string = KEYS.admin): Promise<any> {
  const res = await gql(BACKUP, { input: { application: gid('BackupDrApplication', app.id), ...extra } }, key);
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  return res.body.data.backupApplication;
}

beforeAll(async () => {
  [sim, cv] = await Promise.all([startBackupDrSimulator(), startCommvaultSimulator({ port: 0 })]);
  const config = parseConfig(
    {
      callers: [
        { id: 'admin', apiKey: KEYS.admin, role: 'admin' },
        { id: 'readonly', apiKey: KEYS.readonly, role: 'analyst', mutations: true, credentials: { [BDR]: { bearerToken: 'readonly-token' } } },
        { id: 'team-a', apiKey: KEYS.orgA, role: 'analyst', mutations: true, credentials: { [BDR]: { bearerToken: 'org-a-token' } } },
        { id: 'analyst', apiKey: KEYS.analyst, role: 'analyst' },
        { id: 'partner', apiKey: KEYS.partner, role: 'partner' },
      ],
      logLevel: 'info',
      server: { port: 0 },
      store: { enabled: false },
      upstreams: [
        // Many lost answers on purpose: the breaker must not open between the tests that cause them.
        { id: BDR, kind: 'backupdr', url: sim.url, bearerToken: 'admin-token', breaker: { failureThreshold: 1000 } },
        { id: BDR_SLOW, kind: 'backupdr', url: sim.url, bearerToken: 'admin-token', timeoutMs: 400, rateLimit: { queueTimeoutMs: 200 } },
        { id: CV, kind: 'commvault', url: cv.url, username: 'admin', password: 'admin' },
      ],
    },
    {},
  );
  const logger = pino({ level: 'info' }, { write: (line: string) => auditLines.push(JSON.parse(line)) });
  gateway = await createGateway(config, { logger });
  url = await gateway.listen();
});

afterAll(async () => {
  await gateway?.stop();
  await Promise.all([sim?.close(), cv?.close()]);
});

beforeEach(() => {
  sim.reset();
  cv.reset();
  auditLines.length = 0;
});

describe('backupApplication', () => {
  it('starts a job under the snapshot policy, answers it found by its label, and a jobs read right after includes it', async () => {
    const before = await gql(CONSOLE_JOBS);
    expect(before.body.errors).toBeUndefined();
    const app = protectedApp();
    const started = await startConsoleBackup(app);
    expect(started.jobFound).toBe(true);
    const simJob = sim.data.jobs.find((j) => j.label === started.label)!;
    expect(simJob).toBeDefined();
    const snap = templatePolicies(app).find((p) => p.op === 'snap')!;
    expect(started.job).toMatchObject({ consoleId: simJob.id, status: 'RUNNING', label: started.label, policyName: snap.name, application: { consoleId: app.id } });
    expect(sim.calls('POST /application/{id}/backup')).toBe(1);
    // The list was cached before the mutation; the mutation dropped it.
    const after = await gql(CONSOLE_JOBS);
    expect(after.body.data.backupDr.jobs.edges.map((e: any) => e.node.consoleId)).toContain(simJob.id);
    const unified = await gql(`{ jobs(first: 30, filter: { upstream: ["${BDR}"] }) { edges { node { id } } } }`);
    expect(unified.body.data.jobs.edges.map((e: any) => e.node.id)).toContain(gid('BackupDrJob', simJob.id));
  });

  it('sends the caller\'s label, policy and LOG type; logs an audit line with the job', async () => {
    const app = sim.data.applications.find((a) => a.slaId !== null && templatePolicies(a).length > 1)!;
    const policy = templatePolicies(app).find((p) => p.op !== 'snap')!;
    const started = await startConsoleBackup(app, { label: 'before-upgrade-42', policy: policy.id, backupType: 'LOG' });
    expect(started).toMatchObject({ jobFound: true, label: 'before-upgrade-42', job: { label: 'before-upgrade-42', policyName: policy.name } });
    const simJob = sim.data.jobs.find((j) => j.id === started.job.consoleId)!;
    expect(simJob.flags & 4).toBe(4);
    const line = auditLines.find((l) => l.component === 'audit');
    expect(line).toMatchObject({ msg: 'mutation', caller: 'admin', operation: 'backupApplication', outcome: 'ok', label: 'before-upgrade-42', jobIds: [simJob.id] });
  });

  it('backs up a consistency group by its own id', async () => {
    const cg = sim.data.consistencygroups.find((g) => sim.data.applications.find((a) => a.id === g.id)?.slaId)!;
    const res = await gql(BACKUP, { input: { application: gid('BackupDrConsistencyGroup', cg.id) } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.backupApplication.job.application.consoleId).toBe(cg.id);
  });

  it('refuses an unprotected application, a policy of another template and a blank label with BAD_USER_INPUT, before any write', async () => {
    const unprotected = sim.data.applications.find((a) => a.slaId === null)!;
    const app = protectedApp();
    const foreignPolicy = sim.data.policies.find((p) => !templatePolicies(app).includes(p))!;
    for (const input of [
      { application: gid('BackupDrApplication', unprotected.id) },
      { application: gid('BackupDrApplication', app.id), policy: foreignPolicy.id },
      { application: gid('BackupDrApplication', app.id), label: '  ' },
      { application: gid('BackupDrHost', app.hostId) },
    ]) {
      expect(codes(await gql(BACKUP, { input })), JSON.stringify(input)).toEqual(['BAD_USER_INPUT']);
    }
    expect(consoleWrites()).toBe(0);
  });

  it('lets an organization\'s own caller back up its application', async () => {
    const started = await startConsoleBackup(protectedApp('OrgA'), {}, KEYS.orgA);
    expect(started.jobFound).toBe(true);
  });

  it('reports UPSTREAM_UNCERTAIN after exactly one call on a 5xx after the console took it, and on a lost answer', async () => {
    const app = protectedApp();
    sim.setFaults({ afterWrite: { count: 1, status: 502 } });
    const jobs = sim.data.jobs.length;
    const res = await gql(BACKUP, { input: { application: gid('BackupDrApplication', app.id) } });
    expect(codes(res)).toEqual(['UPSTREAM_UNCERTAIN']);
    expect(sim.calls('POST /application/{id}/backup')).toBe(1);
    expect(sim.data.jobs.length).toBe(jobs + 1);

    sim.reset();
    sim.setFaults({ afterWrite: { count: 1, delayMs: 1_000 } });
    const slow = await gql(BACKUP, { input: { application: gid('BackupDrApplication', app.id, BDR_SLOW) } });
    expect(codes(slow)).toEqual(['UPSTREAM_UNCERTAIN']);
    await new Promise((r) => setTimeout(r, 800));
    expect(sim.calls('POST /application/{id}/backup')).toBe(1);
  });

  it('gives a repeat with the same idempotencyKey the first payload and no second backup', async () => {
    const input = { application: gid('BackupDrApplication', protectedApp().id), idempotencyKey: 'bdr-once-1' };
    const first = await gql(BACKUP, { input });
    const again = await gql(BACKUP, { input });
    expect(first.body.errors).toBeUndefined();
    expect(again.body).toEqual(first.body);
    expect(sim.calls('POST /application/{id}/backup')).toBe(1);
  });

  it('frees the idempotencyKey when a read before the write failed with UPSTREAM_ERROR: the retry with the same key backs up once', async () => {
    // The policy lookup meets HTTP 200 with the console's error body; the backup itself was never sent,
    // so keeping that outcome under the key would answer every retry with an error for a write never tried.
    const app = sim.data.applications.filter((a) => a.slaId !== null && a.apptype !== 'ConsistGrp')[3]!;
    const input = { application: gid('BackupDrApplication', app.id), idempotencyKey: 'bdr-read-failed-1' };
    sim.setFaults({ errList: { count: 1 } });
    const failed = await gql(BACKUP, { input });
    expect(codes(failed)).toEqual(['UPSTREAM_ERROR']);
    expect(sim.calls('POST /application/{id}/backup')).toBe(0);
    const retried = await gql(BACKUP, { input });
    expect(retried.body.errors).toBeUndefined();
    expect(sim.calls('POST /application/{id}/backup')).toBe(1);
    expect((await gql(BACKUP, { input })).body).toEqual(retried.body);
    expect(sim.calls('POST /application/{id}/backup')).toBe(1);
  });
});

describe('roles', () => {
  it('refuses an analyst without the grant with FORBIDDEN, HTTP 403, before any console call', async () => {
    const res = await gql(BACKUP, { input: { application: gid('BackupDrApplication', protectedApp().id) } }, KEYS.analyst);
    expect(res.status).toBe(403);
    expect(codes(res)).toEqual(['FORBIDDEN']);
    expect(sim.stats().total).toBe(0);
  });

  it('lets partners run the trusted BackupApplication document', async () => {
    const documentId = (BackupApplicationDocument as unknown as { __meta__: { hash: string } }).__meta__.hash;
    const res = await gql('', { input: { application: gid('BackupDrApplication', protectedApp().id) } }, KEYS.partner, { documentId, query: undefined });
    expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
    expect(res.body.data.backupApplication.jobFound).toBe(true);
  });
});

describe('images', () => {
  it('mounts an image on a host: the mount job is found by its label and the image shows the host', async () => {
    const image = plainImage();
    const host = sim.data.hosts.find((h) => h.hasagent)!;
    const res = await gql(MOUNT, { input: { backup: gid('BackupDrBackup', image.id), host: gid('BackupDrHost', host.id), label: 'dev-copy' } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.mountBackup).toMatchObject({ jobFound: true, label: 'dev-copy', job: { jobType: 'mount', targetHost: host.hostname, label: 'dev-copy' }, backup: { consoleId: image.id } });
    expect(image.mountedmap).toBe(host.hostname);

    const unmounted = await gql(UNMOUNT, { input: { backup: gid('BackupDrBackup', image.id), delete: true } });
    expect(unmounted.body.errors).toBeUndefined();
    expect(image.mountedmap).toBe('');
    const again = await gql(UNMOUNT, { input: { backup: gid('BackupDrBackup', image.id) } });
    expect(codes(again)).toEqual(['UPSTREAM_ERROR']);
  });

  it('refuses a host of another console in one mount with BAD_USER_INPUT', async () => {
    const host = sim.data.hosts[0]!;
    const res = await gql(MOUNT, { input: { backup: gid('BackupDrBackup', plainImage().id), host: gid('BackupDrHost', host.id, BDR_SLOW) } });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(consoleWrites()).toBe(0);
  });

  it('expires an image: gone from the console and from an image list read right after', async () => {
    const image = plainImage();
    const app = appOf(image);
    const list = `{ backupDr(upstream: "${BDR}") { backups(first: 500, filter: { application: "${gid('BackupDrApplication', app.id)}" }) { edges { node { consoleId } } } } }`;
    const before = await gql(list);
    expect(before.body.data.backupDr.backups.edges.map((e: any) => e.node.consoleId)).toContain(image.id);
    const res = await gql(EXPIRE, { input: { backup: gid('BackupDrBackup', image.id) } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.expireBackup).toEqual({ backupId: gid('BackupDrBackup', image.id), backup: null });
    expect(sim.data.backups.some((b) => b.id === image.id)).toBe(false);
    const after = await gql(list);
    expect(after.body.data.backupDr.backups.edges.map((e: any) => e.node.consoleId)).not.toContain(image.id);
  });

  it('expires a mounted image only with force', async () => {
    const image = sim.data.backups.find((b) => (b.flags & 16) !== 0 && (b.flags & 8) === 0)!;
    const refused = await gql(EXPIRE, { input: { backup: gid('BackupDrBackup', image.id) } });
    expect(codes(refused)).toEqual(['UPSTREAM_ERROR']);
    expect(sim.data.backups.includes(image)).toBe(true);
    const forced = await gql(EXPIRE, { input: { backup: gid('BackupDrBackup', image.id), force: true } });
    expect(forced.body.errors).toBeUndefined();
    expect(sim.data.backups.includes(image)).toBe(false);
  });

  it('changes only the label, or only the expiration, of an image', async () => {
    const image = plainImage(undefined, undefined, 1);
    const expiration = image.expiration;
    const labelled = await gql(UPDATE_BACKUP, { input: { backup: gid('BackupDrBackup', image.id), label: 'keep-for-audit' } });
    expect(labelled.body.data.updateBackup.backup).toMatchObject({ consoleId: image.id, label: 'keep-for-audit' });
    expect(image.expiration).toBe(expiration);
    const later = new Date(Math.floor(expiration / 1000) + 86_400_000);
    const extended = await gql(UPDATE_BACKUP, { input: { backup: gid('BackupDrBackup', image.id), expiration: later.toISOString() } });
    expect(extended.body.data.updateBackup.backup).toMatchObject({ label: 'keep-for-audit', expiration: later.toISOString() });
    expect(image.expiration).toBe(later.getTime() * 1000);
    const nulled = await gql(UPDATE_BACKUP, { input: { backup: gid('BackupDrBackup', image.id), label: null } });
    expect(codes(nulled)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('SLAs', () => {
  it('sends only the switches given: the others keep their values, and an SLA read right after shows the change', async () => {
    const sla = sim.data.slas.find((s) => s.appId !== null && s.scheduleoff === 'false' && s.expirationoff === 'false')!;
    const read = `{ node(id: "${gid('BackupDrSla', sla.id)}") { ... on BackupDrSla { scheduleOff expirationOff } } }`;
    expect((await gql(read)).body.data.node).toEqual({ scheduleOff: false, expirationOff: false });
    const res = await gql(UPDATE_SLA, { input: { sla: gid('BackupDrSla', sla.id), scheduleOff: true } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.updateSla.sla).toMatchObject({ consoleId: sla.id, scheduleOff: true, expirationOff: false });
    expect([sla.scheduleoff, sla.expirationoff]).toEqual(['true', 'false']);
    expect((await gql(read)).body.data.node).toEqual({ scheduleOff: true, expirationOff: false });
    const back = await gql(UPDATE_SLA, { input: { sla: gid('BackupDrSla', sla.id), scheduleOff: false, description: 'back on' } });
    expect(back.body.data.updateSla.sla).toMatchObject({ scheduleOff: false, description: 'back on' });
  });

  it('treats a field written from a variable the request leaves out as absent, an explicit null variable as null', async () => {
    const sla = sim.data.slas.find((s) => s.appId !== null && s.expirationoff === 'false')!;
    const document = `mutation ($s: Boolean, $e: Boolean) { updateSla(input: { sla: "${gid('BackupDrSla', sla.id)}", scheduleOff: $s, expirationOff: $e }) { sla { scheduleOff expirationOff } } }`;
    const given = await gql(document, { s: true });
    expect(given.body.errors).toBeUndefined();
    expect(given.body.data.updateSla.sla).toEqual({ scheduleOff: true, expirationOff: false });
    expect(codes(await gql(document, { s: false, e: null }))).toEqual(['BAD_USER_INPUT']);
    expect(sim.calls('PUT /sla/{id}')).toBe(1);
  });

  it('refuses an explicit null and an update with nothing in it with BAD_USER_INPUT, before any call', async () => {
    const sla = sim.data.slas[0]!;
    for (const input of [{ sla: gid('BackupDrSla', sla.id), scheduleOff: null }, { sla: gid('BackupDrSla', sla.id), scheduleOff: true, description: null }, { sla: gid('BackupDrSla', sla.id) }]) {
      expect(codes(await gql(UPDATE_SLA, { input })), JSON.stringify(input)).toEqual(['BAD_USER_INPUT']);
    }
    // An inline null literal is refused the same way.
    const inline = await gql(`mutation { updateSla(input: { sla: "${gid('BackupDrSla', sla.id)}", expirationOff: null }) { sla { id } } }`);
    expect(codes(inline)).toEqual(['BAD_USER_INPUT']);
    expect(consoleWrites()).toBe(0);
  });

  it('applies a plan to an unprotected application, refuses a second one, and removes it', async () => {
    const app = sim.data.applications.find((a) => a.slaId === null && a.apptype !== 'ConsistGrp')!;
    const [slt, slp] = [sim.data.slts[0]!, sim.data.slps[0]!];
    const input = { application: gid('BackupDrApplication', app.id), template: gid('BackupDrSlt', slt.id), profile: gid('BackupDrSlp', slp.id) };
    const applied = await gql(APPLY_SLA, { input });
    expect(applied.body.errors, JSON.stringify(applied.body.errors)).toBeUndefined();
    const sla = applied.body.data.applySla.sla;
    expect(sla).toMatchObject({ application: { consoleId: app.id }, slt: { consoleId: slt.id }, slp: { consoleId: slp.id }, scheduleOff: false });
    expect(app.slaId).toBe(sla.consoleId);
    // Protected now: an on-demand backup is accepted (the application read was dropped by the write).
    expect((await startConsoleBackup(app)).jobFound).toBe(true);

    expect(codes(await gql(APPLY_SLA, { input }))).toEqual(['UPSTREAM_ERROR']);
    const removed = await gql(REMOVE_SLA, { input: { sla: gid('BackupDrSla', sla.consoleId) } });
    expect(removed.body.data.removeSla).toEqual({ slaId: gid('BackupDrSla', sla.consoleId) });
    expect(app.slaId).toBeNull();
    expect(sim.data.slas.some((s: Sla) => s.id === sla.consoleId)).toBe(false);
  });

  it('refuses a plan whose parts are on different consoles with BAD_USER_INPUT', async () => {
    const app = sim.data.applications.find((a) => a.slaId === null)!;
    const input = { application: gid('BackupDrApplication', app.id), template: gid('BackupDrSlt', sim.data.slts[0]!.id, BDR_SLOW), profile: gid('BackupDrSlp', sim.data.slps[0]!.id) };
    expect(codes(await gql(APPLY_SLA, { input }))).toEqual(['BAD_USER_INPUT']);
    expect(consoleWrites()).toBe(0);
  });
});

describe('updateApplication', () => {
  it('changes only the fields given and answers the application read back', async () => {
    const app = protectedApp('OrgA');
    const { name } = app;
    const res = await gql(UPDATE_APP, { input: { application: gid('BackupDrApplication', app.id), description: 'payroll database', sensitivity: 3 } }, KEYS.orgA);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.updateApplication.application).toMatchObject({ consoleId: app.id, name, description: 'payroll database', sensitivity: 3 });
    expect([app.name, app.description, app.sensitivity]).toEqual([name, 'payroll database', 3]);
  });

  it('refuses an explicit null with BAD_USER_INPUT before any call', async () => {
    const app = protectedApp();
    expect(codes(await gql(UPDATE_APP, { input: { application: gid('BackupDrApplication', app.id), name: null } }))).toEqual(['BAD_USER_INPUT']);
    expect(consoleWrites()).toBe(0);
  });
});

/**
 * The error paths every console mutation shares, one table: the console's 403 for a role without the right,
 * its 404 for an unknown id and for an object outside the caller's organizations (nothing changes), and a
 * 5xx after it took the write (UPSTREAM_UNCERTAIN after exactly one call). Each case picks objects no other
 * case used, and says what the console holds of them (`state`) to prove "unchanged".
 */
describe('every console mutation on the error paths', () => {
  const used = new Set<string>();
  /** The first record matching that no case used yet. */
  function fresh<T extends { id: string }>(list: readonly T[], ok: (r: T) => boolean): T {
    const r = list.find((x) => !used.has(x.id) && ok(x));
    if (!r) throw new Error('no such record left in the simulator data');
    used.add(r.id);
    return r;
  }
  const foreignApp = (a: Application) => !inOrg(a, 'OrgA') && a.orgIds.length > 0;
  const mounted = (b: Backup) => (b.flags & 16) !== 0 && (b.flags & 8) === 0;
  const agentHost = () => sim.data.hosts.find((h) => h.hasagent && h.orgIds.includes(orgId('OrgA')))!;

  interface Target {
    input: Record<string, unknown>;
    /** What the console holds of the objects concerned, as JSON. */
    state: () => string;
  }
  interface Case {
    name: string;
    document: string;
    route: string;
    /** An object the caller sees (`foreign`: one outside OrgA) or an unknown id (`unknown`). */
    target(kind: 'visible' | 'foreign' | 'unknown'): Target;
  }
  const image = (b: Backup | undefined): Target['state'] => () => JSON.stringify([b ?? null, sim.data.jobs.length]);

  const CASES: Case[] = [
    {
      name: 'backupApplication',
      document: BACKUP,
      route: 'POST /application/{id}/backup',
      target: (kind) => {
        const app = kind === 'unknown' ? undefined : fresh(sim.data.applications, (a) => a.slaId !== null && a.apptype !== 'ConsistGrp' && (kind === 'foreign' ? foreignApp(a) : true));
        return { input: { application: gid('BackupDrApplication', app?.id ?? '999999999') }, state: () => JSON.stringify([app ?? null, sim.data.jobs.length]) };
      },
    },
    {
      name: 'mountBackup',
      document: MOUNT,
      route: 'POST /backup/{id}/mount',
      target: (kind) => {
        const b = kind === 'unknown' ? undefined : fresh(sim.data.backups, (x) => (x.flags & 16) === 0 && (kind === 'foreign' ? foreignApp(appOf(x)) : true));
        return { input: { backup: gid('BackupDrBackup', b?.id ?? '999999999'), host: gid('BackupDrHost', agentHost().id) }, state: image(b) };
      },
    },
    {
      name: 'unmountBackup',
      document: UNMOUNT,
      route: 'POST /backup/{id}/unmount',
      target: (kind) => {
        const b = kind === 'unknown' ? undefined : fresh(sim.data.backups, (x) => mounted(x) && (kind === 'foreign' ? foreignApp(appOf(x)) : true));
        return { input: { backup: gid('BackupDrBackup', b?.id ?? '999999999') }, state: image(b) };
      },
    },
    {
      name: 'expireBackup',
      document: EXPIRE,
      route: 'POST /backup/{id}/expire',
      target: (kind) => {
        const b = kind === 'unknown' ? undefined : fresh(sim.data.backups, (x) => (x.flags & (8 | 16)) === 0 && (kind === 'foreign' ? foreignApp(appOf(x)) : true));
        return { input: { backup: gid('BackupDrBackup', b?.id ?? '999999999') }, state: () => JSON.stringify([b ?? null, b ? sim.data.backups.includes(b) : null]) };
      },
    },
    {
      name: 'updateBackup',
      document: UPDATE_BACKUP,
      route: 'PUT /backup/{id}',
      target: (kind) => {
        const b = kind === 'unknown' ? undefined : fresh(sim.data.backups, (x) => kind === 'foreign' ? foreignApp(appOf(x)) : true);
        return { input: { backup: gid('BackupDrBackup', b?.id ?? '999999999'), label: 'changed-label' }, state: image(b) };
      },
    },
    {
      name: 'updateSla',
      document: UPDATE_SLA,
      route: 'PUT /sla/{id}',
      target: (kind) => {
        const sla = kind === 'unknown' ? undefined : fresh(sim.data.slas, (x) => x.appId !== null && (kind === 'foreign' ? foreignApp(sim.data.applications.find((a) => a.id === x.appId)!) : true));
        return { input: { sla: gid('BackupDrSla', sla?.id ?? '999999999'), description: 'changed' }, state: () => JSON.stringify(sla ?? null) };
      },
    },
    {
      name: 'applySla',
      document: APPLY_SLA,
      route: 'POST /sla',
      target: (kind) => {
        const app = kind === 'unknown' ? undefined : fresh(sim.data.applications, (a) => a.slaId === null && a.apptype !== 'ConsistGrp' && (kind === 'foreign' ? foreignApp(a) : true));
        const [slt, slp] = [sim.data.slts.find((t) => t.orgIds.includes(orgId('OrgA')))!, sim.data.slps.find((t) => t.orgIds.includes(orgId('OrgA')))!];
        return {
          input: { application: gid('BackupDrApplication', app?.id ?? '999999999'), template: gid('BackupDrSlt', slt.id), profile: gid('BackupDrSlp', slp.id) },
          state: () => JSON.stringify([app ?? null, sim.data.slas.length]),
        };
      },
    },
    {
      name: 'removeSla',
      document: REMOVE_SLA,
      route: 'DELETE /sla/{id}',
      target: (kind) => {
        const sla = kind === 'unknown' ? undefined : fresh(sim.data.slas, (x) => x.appId !== null && (kind === 'foreign' ? foreignApp(sim.data.applications.find((a) => a.id === x.appId)!) : true));
        return { input: { sla: gid('BackupDrSla', sla?.id ?? '999999999') }, state: () => JSON.stringify([sla ?? null, sla ? sim.data.slas.includes(sla) : null]) };
      },
    },
    {
      name: 'updateApplication',
      document: UPDATE_APP,
      route: 'PUT /application/{id}',
      target: (kind) => {
        const app = kind === 'unknown' ? undefined : fresh(sim.data.applications, (a) => (kind === 'foreign' ? foreignApp(a) : true));
        return { input: { application: gid('BackupDrApplication', app?.id ?? '999999999'), description: 'changed' }, state: () => JSON.stringify(app ?? null) };
      },
    },
  ];

  it.each(CASES.map((c) => [c.name, c] as const))('%s: FORBIDDEN for a read-only console identity, nothing changed', async (_name, c) => {
    const t = c.target('visible');
    const before = t.state();
    const res = await gql(c.document, { input: t.input }, KEYS.readonly);
    expect(codes(res)).toEqual(['FORBIDDEN']);
    expect(t.state()).toBe(before);
    expect(sim.calls(c.route)).toBe(1);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s: NOT_FOUND for an unknown id', async (_name, c) => {
    const res = await gql(c.document, { input: c.target('unknown').input });
    expect(codes(res)).toEqual(['NOT_FOUND']);
    expect(sim.calls(c.route)).toBeLessThanOrEqual(1);
  });

  it.each(CASES.map((c) => [c.name, c] as const))("%s: NOT_FOUND for another organization's object, nothing changed", async (_name, c) => {
    const t = c.target('foreign');
    const before = t.state();
    const res = await gql(c.document, { input: t.input }, KEYS.orgA);
    expect(codes(res)).toEqual(['NOT_FOUND']);
    expect(t.state()).toBe(before);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s: UPSTREAM_UNCERTAIN after exactly one call on a 5xx after the console took it', async (_name, c) => {
    const t = c.target('visible');
    const before = t.state();
    sim.setFaults({ afterWrite: { count: 1, status: 502 } });
    const res = await gql(c.document, { input: t.input });
    expect(codes(res)).toEqual(['UPSTREAM_UNCERTAIN']);
    expect(sim.calls(c.route)).toBe(1);
    // The console did carry it out.
    expect(t.state()).not.toBe(before);
  });
});

describe('controlJobs with console jobs', () => {
  const CV_BACKUP = /* GraphQL */ `mutation ($input: BackupSubclientInput!) { backupSubclient(input: $input) { jobs { jobId } } }`;

  async function commvaultJob(): Promise<string> {
    const sc = cv.data.subclients.find((s) => s.enableBackup && cv.data.clients.find((c) => c.clientId === s.clientId)?.online)!;
    const res = await gql(CV_BACKUP, { input: { subclient: toGlobalId('CommvaultSubclient', CV, sc.subclientId), level: 'FULL' } });
    return toGlobalId('CommvaultJob', CV, res.body.data.backupSubclient.jobs[0].jobId as number);
  }

  it('kills Commvault and console jobs in one call: the console job is cancelled, results in input order', async () => {
    const cvJob = await commvaultJob();
    const consoleJob = (await startConsoleBackup(protectedApp())).job;
    const res = await gql(CONTROL, { input: { jobs: [consoleJob.id, cvJob], action: 'KILL' } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.controlJobs.results).toEqual([
      { jobId: consoleJob.id, ok: true, job: { id: consoleJob.id, status: 'KILLED', statusText: 'canceled' }, error: null },
      { jobId: cvJob, ok: true, job: expect.objectContaining({ id: cvJob, status: 'KILLED' }), error: null },
    ]);
    expect(sim.data.jobs.find((j) => j.id === consoleJob.consoleId)?.status).toBe('canceled');
    expect(sim.calls('PUT /job/{id}')).toBe(1);
    // Cancelling again: the console's conflict, for that job only.
    const again = await gql(CONTROL, { input: { jobs: [consoleJob.id], action: 'KILL' } });
    expect(again.body.data.controlJobs.results[0]).toMatchObject({ ok: false, error: { code: 'UPSTREAM_ERROR' } });
  });

  it('answers PAUSE, RESUME and RESUBMIT of a console job with NOT_SUPPORTED and no console call, while the Commvault job is paused', async () => {
    const cvJob = await commvaultJob();
    const consoleJob = (await startConsoleBackup(protectedApp())).job;
    sim.reset();
    const paused = await gql(CONTROL, { input: { jobs: [cvJob, consoleJob.id], action: 'PAUSE' } });
    expect(paused.body.data.controlJobs.results.map((r: any) => [r.jobId, r.ok, r.error?.code ?? null])).toEqual([
      [cvJob, true, null],
      [consoleJob.id, false, 'NOT_SUPPORTED'],
    ]);
    for (const action of ['RESUME', 'RESUBMIT']) {
      const res = await gql(CONTROL, { input: { jobs: [consoleJob.id], action } });
      expect(res.body.data.controlJobs.results[0]).toMatchObject({ ok: false, job: null, error: { code: 'NOT_SUPPORTED' } });
    }
    expect(consoleWrites()).toBe(0);
    expect(sim.data.jobs.find((j) => j.id === consoleJob.consoleId)?.status).toBe('running');
  });

  it('gives NOT_FOUND for an unknown or another organization\'s console job, and FORBIDDEN for a read-only identity', async () => {
    const foreignJob = sim.data.jobs.find((j) => j.status === 'running' && !inOrg(sim.data.applications.find((a) => a.id === j.appId)!, 'OrgA'))!;
    const res = await gql(CONTROL, { input: { jobs: [gid('BackupDrJob', foreignJob.id), gid('BackupDrJob', '999999999')], action: 'KILL' } }, KEYS.orgA);
    expect(res.body.data.controlJobs.results.map((r: any) => r.error?.code)).toEqual(['NOT_FOUND', 'NOT_FOUND']);
    const readonly = await gql(CONTROL, { input: { jobs: [gid('BackupDrJob', foreignJob.id)], action: 'KILL' } }, KEYS.readonly);
    expect(readonly.body.data.controlJobs.results[0].error.code).toBe('FORBIDDEN');
    expect(foreignJob.status).toBe('running');
  });

  it('gives UPSTREAM_UNCERTAIN for a console job whose cancel answer was lost, after exactly one call', async () => {
    const consoleJob = (await startConsoleBackup(protectedApp())).job;
    sim.reset();
    sim.setFaults({ afterWrite: { count: 1, status: 502 } });
    const res = await gql(CONTROL, { input: { jobs: [consoleJob.id], action: 'KILL' } });
    expect(res.body.data.controlJobs.results[0]).toMatchObject({ ok: false, error: { code: 'UPSTREAM_UNCERTAIN' } });
    expect(sim.calls('PUT /job/{id}')).toBe(1);
    expect(sim.data.jobs.find((j) => j.id === consoleJob.consoleId)?.status).toBe('canceled');
  });

  it('refuses an id that names no job with BAD_USER_INPUT before any call', async () => {
    const res = await gql(CONTROL, { input: { jobs: [gid('BackupDrSla', sim.data.slas[0]!.id)], action: 'KILL' } });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(consoleWrites()).toBe(0);
  });
});
