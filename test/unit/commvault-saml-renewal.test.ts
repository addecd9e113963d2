import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { CommvaultSource } from '../../src/datasources/commvault/commvault-source.js';
import type { UpstreamPipeline, UpstreamRequest } from '../../src/datasources/pipeline/types.js';

/** A pipeline that answers every Login with the next token of `tokens` and records the paths sent. */
function loginPipeline(tokens: string[]): { pipeline: UpstreamPipeline; paths: string[] } {
  const paths: string[] = [];
  const pipeline: UpstreamPipeline = {
    async send<T>(_source: unknown, req: UpstreamRequest) {
      paths.push(req.path);
      const body = req.path === '/RenewLoginToken' ? { token: 'QSDK renewed' } : { userName: 'admin', token: tokens.shift(), errList: [] };
      return { status: 200, headers: {}, body: body as T };
    },
    invalidate: async () => {},
    close: async () => {},
  };
  return { pipeline, paths };
}

function source(pipeline: UpstreamPipeline, now: () => number): CommvaultSource {
  return new CommvaultSource({
    instanceId: 'cv',
    kind: 'commvault',
    identity: 'user:admin',
    pipeline,
    logger: pino({ level: 'silent' }),
    username: 'admin',
    password: 'secret',
    session: { idleTimeoutMs: 1000, now },
  });
}

describe('Commvault session renewal by token kind', () => {
  it('logs in again instead of calling /RenewLoginToken for a SAML token', async () => {
    let now = 0;
    const { pipeline, paths } = loginPipeline(['SAML first', 'SAML second']);
    const cv = source(pipeline, () => now);
    expect(await cv.authHeaders()).toEqual({ Authtoken: 'SAML first' });
    now += 900; // past 80 % of the idle timeout: renewal due
    expect(await cv.authHeaders()).toEqual({ Authtoken: 'SAML second' });
    expect(paths).toEqual(['/Login', '/Login']);
  });

  it('renews a QSDK token with /RenewLoginToken', async () => {
    let now = 0;
    const { pipeline, paths } = loginPipeline(['QSDK first']);
    const cv = source(pipeline, () => now);
    await cv.authHeaders();
    now += 900;
    expect(await cv.authHeaders()).toEqual({ Authtoken: 'QSDK renewed' });
    expect(paths).toEqual(['/Login', '/RenewLoginToken']);
  });
});
