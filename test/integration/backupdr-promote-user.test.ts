import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PRINCIPALS, startBackupDrSimulator, type BackupDrSimulator } from '../../simulators/backupdr/index.js';
import { READ_ONLY_RIGHTS, SERVICE_ACCOUNTS } from '../../simulators/backupdr/data/security.js';
import { ErrorCode } from '../../src/errors/codes.js';
import { consoleSource } from '../helpers/console-source.js';
import { failure } from '../helpers/failure.js';

/**
 * `auth.promoteUser`: after login the gateway asks the console to make its session an administrator for
 * a few minutes (docs/upstreams/backupdr.md §2.8), which only an account with IAM ManageInternalACL gets.
 */
describe('promoteUser', () => {
  let sim: BackupDrSimulator;
  let runningJob: () => string;

  beforeAll(async () => {
    sim = await startBackupDrSimulator({
      principals: [
        ...DEFAULT_PRINCIPALS,
        // A read-only console role, but the IAM permission to promote itself.
        { token: 'acl-token', user: SERVICE_ACCOUNTS.readonly, organizations: 'all', rights: READ_ONLY_RIGHTS, manageInternalAcl: true },
      ],
    });
    runningJob = () => sim.data.jobs.find((j) => j.status === 'running')!.id;
  });
  afterAll(async () => {
    await sim?.close();
  });
  beforeEach(() => sim.reset());

  it('is off by default: a read-only role cannot cancel a job', async () => {
    const { source, close } = consoleSource({ id: 'bdr', url: sim.url, bearerToken: 'acl-token' });
    expect((await failure(source.cancelJob(runningJob()))).code).toBe(ErrorCode.FORBIDDEN);
    expect(sim.calls('PUT /manageacl/promoteUser')).toBe(0);
    await close();
  });

  it('promotes the session once at login, after which the same account may cancel a job', async () => {
    const { source, close } = consoleSource({ id: 'bdr', url: sim.url, bearerToken: 'acl-token', auth: { promoteUser: true } });
    const job = runningJob();
    const cancelled = await source.cancelJob(job);
    expect(cancelled?.consoleId).toBe(job);
    await source.list('cluster', {});
    expect(sim.calls('PUT /manageacl/promoteUser')).toBe(1);
    await close();
  });

  it('a refused promotion leaves the session with its own role: reads work, writes stay FORBIDDEN', async () => {
    const { source, close } = consoleSource({ id: 'bdr', url: sim.url, bearerToken: 'readonly-token', auth: { promoteUser: true } });
    expect((await source.list('cluster', {})).items.length).toBeGreaterThan(0);
    expect((await failure(source.cancelJob(runningJob()))).code).toBe(ErrorCode.FORBIDDEN);
    expect(sim.calls('PUT /manageacl/promoteUser')).toBe(1);
    await close();
  });
});
