import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { CommvaultSource } from '../../src/datasources/commvault/commvault-source.js';
import { findCommvaultError } from '../../src/datasources/commvault/mappers/errors.js';
import type { UpstreamPipeline, UpstreamRequest } from '../../src/datasources/pipeline/types.js';
import { ErrorCode } from '../../src/errors/codes.js';

const unusedPipeline: UpstreamPipeline = {
  send: () => Promise.reject(new Error('not used')),
  invalidate: async () => {},
  close: async () => {},
};

const source = new CommvaultSource({
  instanceId: 'cv-test',
  kind: 'commvault',
  identity: 'user:admin',
  pipeline: unusedPipeline,
  logger: pino({ level: 'silent' }),
  username: 'admin',
  password: 's3cret',
});

const req: UpstreamRequest = { method: 'GET', path: '/Job' };
const detect = (body: unknown, status = 200) => source.errorFromResponse({ status, headers: {}, body }, req);

describe('Commvault error shapes (docs/upstreams/commvault.md §7)', () => {
  it.each([
    ['1 top-level errorCode + errorMessage', { errorCode: 2, errorMessage: 'Subclient not found' }, 2, 'Subclient not found'],
    ['1 top-level, code as string', { errorCode: '2', errorMessage: 'bad' }, '2', 'bad'],
    ['2 nested error.errorCode/errorMessage', { error: { errorCode: 7, errorMessage: 'Pool exists' } }, 7, 'Pool exists'],
    ['2 nested error.errorCode/errorString', { error: { errorCode: 3, errorString: 'DDB busy' } }, 3, 'DDB busy'],
    ['3 nested error.errList', { error: { errList: [{ errorCode: 11, errLogMessage: 'No job found' }] } }, 11, 'No job found'],
    ['3 errList with errorMessage', { error: { errList: [{ errorCode: 12, errorMessage: 'Task failed' }] } }, 12, 'Task failed'],
    ['4 login errList', { loginAttempts: 1, remainingLockTime: 0, errList: [{ errorCode: 5, errLogMessage: 'Invalid Username or Password' }] }, 5, 'Invalid Username or Password'],
    ['5 batch errors[].errList', { errors: [{ errList: [{ errorCode: 1, errLogMessage: 'Job [123] is already completed. ' }] }] }, 1, 'Job [123] is already completed.'],
    ['6 response[] array', { response: [{ errorCode: 0, errorMessage: '' }, { errorCode: 9, errorString: 'Property failed' }] }, 9, 'Property failed'],
    ['7 V4 create with errors', { plan: { id: 1, name: 'p' }, errors: [{ component: 'Storage', errorCode: 4, errorMessage: 'No pool' }] }, 4, 'No pool'],
  ])('detects %s', (_name, body, code, message) => {
    const error = detect(body);
    expect(error?.code).toBe(ErrorCode.UPSTREAM_ERROR);
    expect(error?.upstreamCode).toBe(code);
    expect(error?.message).toBe(message);
    expect(error?.upstream).toEqual({ instance: 'cv-test', status: 200 });
  });

  it('detects a renew failure that has a log message but no code', () => {
    expect(detect({ error: { errLogMessage: 'Token cannot be renewed' } })?.message).toBe('Token cannot be renewed');
  });

  it.each([404, 409, 400])('detects the V4 {errorMessage, errorCode} body on HTTP %s', (status) => {
    const error = detect({ errorMessage: 'Requested Details not found', errorCode: 404 }, status);
    expect(error).toMatchObject({ code: ErrorCode.UPSTREAM_ERROR, upstreamCode: 404, upstream: { instance: 'cv-test', status } });
  });

  it('turns a 4xx with an unreadable body into UPSTREAM_ERROR', () => {
    expect(detect('<html><title>Not Found</title></html>', 404)?.code).toBe(ErrorCode.UPSTREAM_ERROR);
  });

  it('leaves 401, 429 and 5xx to the pipeline (re-login, rate limit, retry)', () => {
    expect(detect({ errorCode: 401, errorMessage: 'Unauthorized' }, 401)).toBeUndefined();
    expect(detect('', 429)).toBeUndefined();
    expect(detect({ errorMessage: 'boom', errorCode: 500 }, 500)).toBeUndefined();
  });

  it.each([
    ['a job list', { totalRecordsWithoutPaging: 1, jobs: [{ jobSummary: { jobId: 1, jobSubmitErrorCode: 0, errorType: 0 } }] }],
    ['an empty job list', { totalRecordsWithoutPaging: 0 }],
    ['a successful login with empty errList', { userName: 'admin', token: 'QSDK x', errList: [] }],
    ['top-level errorCode 0', { errorCode: 0, errorMessage: '' }],
    ['WhoAmI', { user: { userName: 'admin' }, errorCode: 0 }],
    ['nested error with code 0', { error: { errorCode: 0, errorMessage: '' } }],
    ['batch of zero codes', { errors: [{ errList: [{ errorCode: 0, errLogMessage: '' }] }] }],
    ['response[] of zero codes', { response: [{ errorCode: 0, errorMessage: '' }] }],
    ['GET /Library (response[] of entities)', { response: [{ entityInfo: { name: 'DiskLib01', id: 3 } }] }],
    ['a backup started', { taskId: 87, jobIds: ['1426070'] }],
    ['V4 create with no errors', { plan: { id: 1, name: 'p' }, errors: [] }],
    ['V4 job operation with error code 0', { jobInfo: [], error: { errorMessage: '', errorCode: 0 } }],
    ['logout text', 'User logged out'],
    ['an empty 204', ''],
  ])('does not flag %s', (_name, body) => {
    expect(detect(body)).toBeUndefined();
    expect(findCommvaultError(body)).toBeUndefined();
  });
});

describe('login failures', () => {
  it('become UPSTREAM_ERROR with the upstream code and never the password', async () => {
    const pipeline: UpstreamPipeline = {
      ...unusedPipeline,
      // A pipeline that does not run errorFromResponse on the login answer: the source reads it itself.
      send: async <T>() => ({
        status: 200,
        headers: {},
        body: { loginAttempts: 1, errList: [{ errorCode: 5, errLogMessage: 'Invalid password s3cret for admin' }] } as T,
      }),
    };
    const s = new CommvaultSource({
      instanceId: 'cv-test', kind: 'commvault', identity: 'user:admin', pipeline,
      logger: pino({ level: 'silent' }), username: 'admin', password: 's3cret',
    });
    const error = await s.authHeaders().then(() => undefined, (e: unknown) => e as { code: string; upstreamCode: unknown; message: string });
    expect(error?.code).toBe(ErrorCode.UPSTREAM_ERROR);
    expect(error?.upstreamCode).toBe(5);
    expect(error?.message).not.toContain('s3cret');
    expect(error?.message).not.toContain(Buffer.from('s3cret').toString('base64'));
  });

  it('sends the password base64-encoded with mode 4, unauthenticated, and uses the token verbatim', async () => {
    const sent: UpstreamRequest[] = [];
    const pipeline: UpstreamPipeline = {
      ...unusedPipeline,
      send: async <T>(_s: unknown, r: UpstreamRequest) => {
        sent.push(r);
        return { status: 200, headers: {}, body: { userName: 'admin', token: 'QSDK abc123', errList: [] } as T };
      },
    };
    const s = new CommvaultSource({
      instanceId: 'cv-test', kind: 'commvault', identity: 'user:admin', pipeline,
      logger: pino({ level: 'silent' }), username: 'admin', password: 'pä55',
    });
    const [a, b] = await Promise.all([s.authHeaders(), s.authHeaders()]);
    expect(a).toEqual({ Authtoken: 'QSDK abc123' });
    expect(b).toBe(a);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ method: 'POST', path: '/Login', authenticated: false });
    expect(sent[0].body).toMatchObject({ username: 'admin', password: Buffer.from('pä55', 'utf8').toString('base64'), mode: 4 });
  });

  it('re-logs in once for many 401s of the same session, and logs out on close', async () => {
    const sent: UpstreamRequest[] = [];
    let n = 0;
    const pipeline: UpstreamPipeline = {
      ...unusedPipeline,
      send: async <T>(_s: unknown, r: UpstreamRequest) => {
        sent.push(r);
        return { status: 200, headers: {}, body: (r.path === '/Login' ? { token: `QSDK t${++n}` } : 'User logged out') as T };
      },
    };
    const s = new CommvaultSource({
      instanceId: 'cv-test', kind: 'commvault', identity: 'user:admin', pipeline,
      logger: pino({ level: 'silent' }), username: 'admin', password: 'x',
    });
    const first = await s.authHeaders();
    for (let i = 0; i < 5; i++) s.onUnauthorized(first);
    const renewed = await Promise.all([s.authHeaders(), s.authHeaders()]);
    s.onUnauthorized(first); // a late 401 of the old session must not drop the new one
    expect(await s.authHeaders()).toEqual({ Authtoken: 'QSDK t2' });
    expect(renewed[0]).toEqual({ Authtoken: 'QSDK t2' });
    expect(sent.filter((r) => r.path === '/Login')).toHaveLength(2);
    await s.close();
    const logout = sent.find((r) => r.path === '/Logout');
    expect(logout).toMatchObject({ method: 'POST', authenticated: false });
    expect(logout?.headers).toMatchObject({ Authtoken: 'QSDK t2' });
  });
});
