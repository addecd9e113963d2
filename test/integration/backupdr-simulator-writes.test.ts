import { describe, expect, it } from 'vitest';
import { startBackupDrSimulator, type Backup, type BackupDrSimulator } from '../../simulators/backupdr/index.js';
import { fetchAnswer, useSimulator, type Answer } from '../helpers/simulator-http.js';

/**
 * The console simulator's image and plan writes over HTTP (docs/upstreams/backupdr.md §7.3–7.5): what a
 * client sends, what the console answers, which rights and organizations it checks. Expectations come
 * from the simulator's own data.
 */
describe('Backup and DR simulator writes', () => {
  let sim: BackupDrSimulator;
  const sessions: Record<string, string> = {};

  async function call(path: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', body?: unknown, bearer = 'admin-token'): Promise<Answer> {
    const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${bearer}`, 'backupdr-management-session': `Actifio ${sessions[bearer]}` };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return fetchAnswer(`${sim.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  }

  const orgId = (name: string) => sim.data.organizations.find((o) => o.name === name)!.id;
  const appOf = (b: Backup) => sim.data.applications.find((a) => a.id === b.appId)!;
  const outsideOrgA = (b: Backup) => !appOf(b).orgIds.includes(orgId('OrgA'));
  const plain = (b: Backup) => (b.flags & (8 | 16)) === 0;

  useSimulator(async () => {
    sim = await startBackupDrSimulator();
    for (const bearer of ['admin-token', 'org-a-token', 'readonly-token']) {
      const answer = await fetchAnswer(`${sim.url}/session`, { method: 'POST', headers: { Authorization: `Bearer ${bearer}` } });
      sessions[bearer] = answer.body?.session_id as string;
    }
    return sim;
  });

  it('mounts an image: 204, a running mount job carrying the label and target host, found by label:==', async () => {
    const image = sim.data.backups.find(plain)!;
    const host = sim.data.hosts.find((h) => h.hasagent)!;
    const mount = await call(`/backup/${image.id}/mount`, 'POST', { '@type': 'mountRest', label: 'sim-mount-1', host: { id: host.id } });
    expect(mount.status).toBe(204);
    expect(mount.text).toBe('');
    const found = await call(`/jobstatus?filter=${encodeURIComponent('label:==sim-mount-1')}`, 'GET');
    expect(found.body?.items).toHaveLength(1);
    expect(found.body?.items[0]).toMatchObject({ jobclass: 'mount', status: 'running', label: 'sim-mount-1', targethost: host.hostname, appid: image.appId });
    expect(image.mountedmap).toBe(host.hostname);
    expect((await call(`/backup/${image.id}/mount`, 'POST', { label: 'x' })).status).toBe(400);
    expect((await call(`/backup/${image.id}/mount`, 'POST', { label: 'x', host: { id: '999999999' } })).status).toBe(404);
  });

  it('unmounts only a mounted image (409 otherwise) and takes delete as a boolean or its string', async () => {
    const image = sim.data.backups.find((b) => (b.flags & 16) !== 0)!;
    expect((await call(`/backup/${image.id}/unmount`, 'POST', { delete: 'maybe' })).status).toBe(400);
    expect((await call(`/backup/${image.id}/unmount`, 'POST', { delete: 'true' })).status).toBe(204);
    expect(image.flags & 16).toBe(0);
    const again = await call(`/backup/${image.id}/unmount`, 'POST', { delete: false });
    expect(again.status).toBe(409);
    expect(again.body?.err_code).toBe(10_013);
  });

  it('expires an image (gone), refuses a mounted one without force=true and an immutable one, and a bad force value', async () => {
    const image = sim.data.backups.find(plain)!;
    expect((await call(`/backup/${image.id}/expire?force=perhaps`, 'POST')).status).toBe(400);
    expect((await call(`/backup/${image.id}/expire`, 'POST')).status).toBe(204);
    expect((await call(`/backup/${image.id}`, 'GET')).status).toBe(404);
    const mounted = sim.data.backups.find((b) => (b.flags & 16) !== 0 && (b.flags & 8) === 0)!;
    expect((await call(`/backup/${mounted.id}/expire?force=false`, 'POST')).status).toBe(409);
    expect((await call(`/backup/${mounted.id}/expire?force=TRUE`, 'POST')).status).toBe(204);
    const immutable = sim.data.backups.find((b) => (b.flags & 8) !== 0);
    if (immutable) expect((await call(`/backup/${immutable.id}/expire?force=true`, 'POST')).status).toBe(409);
  });

  it('changes an image incrementally with PUT: only the attributes sent, answered as BackupRest', async () => {
    const image = sim.data.backups.find(plain)!;
    const { expiration } = image;
    const put = await call(`/backup/${image.id}`, 'PUT', { label: 'kept', expiration: null });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ '@type': 'backupRest', id: image.id, label: 'kept', expiration });
    const later = expiration + 86_400_000_000;
    expect((await call(`/backup/${image.id}`, 'PUT', { '@type': 'backupRest', expiration: later })).body).toMatchObject({ label: 'kept', expiration: later });
  });

  it('applies a plan with POST /sla (200 SlaRest, 409 when already protected) and removes it with DELETE', async () => {
    const app = sim.data.applications.find((a) => a.slaId === null)!;
    const body = { application: { id: app.id }, slt: { id: sim.data.slts[0]!.id }, slp: { id: sim.data.slps[0]!.id }, scheduleoff: 'false' };
    const created = await call('/sla', 'POST', body);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ '@type': 'slaRest', application: { id: app.id }, slt: { id: body.slt.id }, scheduleoff: 'false' });
    expect(app.slaId).toBe(created.body?.id);
    expect((await call('/sla', 'POST', body)).status).toBe(409);
    expect((await call('/sla', 'POST', { ...body, slp: undefined })).status).toBe(400);
    expect((await call(`/sla/${created.body?.id}`, 'DELETE')).status).toBe(204);
    expect(app.slaId).toBeNull();
    expect((await call(`/sla/${created.body?.id}`, 'GET')).status).toBe(404);
  });

  it('answers 404 for another organization\'s image or SLA and 403 without the right, changing nothing', async () => {
    const foreign = sim.data.backups.find((b) => plain(b) && outsideOrgA(b))!;
    const count = sim.data.backups.length;
    expect((await call(`/backup/${foreign.id}/expire`, 'POST', undefined, 'org-a-token')).status).toBe(404);
    expect((await call(`/backup/${foreign.id}`, 'PUT', { label: 'x' }, 'org-a-token')).status).toBe(404);
    const sla = sim.data.slas.find((s) => s.appId !== null && !sim.data.applications.find((a) => a.id === s.appId)!.orgIds.includes(orgId('OrgA')))!;
    expect((await call(`/sla/${sla.id}`, 'DELETE', undefined, 'org-a-token')).status).toBe(404);
    const refused = await call(`/backup/${foreign.id}/expire`, 'POST', undefined, 'readonly-token');
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({ err_code: 10_011 });
    expect(sim.data.backups.length).toBe(count);
    expect(sim.data.slas.includes(sla)).toBe(true);
  });

  it('carries a write out and then loses its answer under the afterWrite fault', async () => {
    const sla = sim.data.slas.find((s) => s.expirationoff === 'false')!;
    sim.setFaults({ afterWrite: { count: 1, status: 502 } });
    // Reads and refused writes do not take the fault.
    expect((await call(`/sla/${sla.id}`, 'GET')).status).toBe(200);
    expect((await call('/sla/999999999', 'PUT', { expirationoff: 'true' })).status).toBe(404);
    const lost = await call(`/sla/${sla.id}`, 'PUT', { expirationoff: 'true' });
    expect(lost.status).toBe(502);
    expect(sla.expirationoff).toBe('true');
    // One write took it; the next answers normally.
    expect((await call(`/sla/${sla.id}`, 'PUT', { expirationoff: 'false' })).status).toBe(200);
  });
});
