import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { CallerDirectory } from '../../src/plugins/caller.js';

const config = parseConfig(
  {
    callers: [
      { id: 'web', apiKey: 'key-web', role: 'frontend' },
      { id: 'acme', apiKey: 'key-acme', role: 'partner', upstreams: ['cv-a'], credentials: { 'cv-a': { username: 'acme', password: 'pw' } } },
    ],
    upstreams: [
      { id: 'cv-a', kind: 'commvault', url: 'http://127.0.0.1:1/webconsole/api', username: 'admin', password: 'admin' },
      { id: 'cv-b', kind: 'commvault', url: 'http://127.0.0.1:2/webconsole/api', username: 'admin', password: 'admin' },
    ],
  },
  {},
);

function codeOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(GraphQLError);
    return [(e as GraphQLError).extensions.code, (e as GraphQLError).extensions.http];
  }
  throw new Error('expected an error');
}

describe('caller directory', () => {
  const callers = new CallerDirectory(config);

  it('resolves a bearer key to its principal, with all upstreams by default', () => {
    expect(callers.authenticate('Bearer key-web')).toMatchObject({ id: 'web', role: 'frontend', upstreamIds: ['cv-a', 'cv-b'] });
    expect(callers.authenticate('bearer   key-web')).toMatchObject({ id: 'web' });
  });

  it('carries the caller’s visible upstreams and own credentials', () => {
    const p = callers.authenticate('Bearer key-acme');
    expect(p.upstreamIds).toEqual(['cv-a']);
    expect(p.credentials['cv-a']).toEqual({ username: 'acme', password: 'pw', bearerToken: undefined });
  });

  it('answers UNAUTHENTICATED with HTTP 401 for a missing, malformed or unknown key', () => {
    for (const header of [undefined, '', 'key-web', 'Basic a2V5', 'Bearer nope', 'Bearer key-web extra']) {
      const [code, http] = codeOf(() => callers.authenticate(header)) as [string, { status: number }];
      expect(code).toBe('UNAUTHENTICATED');
      expect(http.status).toBe(401);
    }
  });

  it('lets requests without a key in only when the config names an anonymous role', () => {
    const open = new CallerDirectory({ ...config, auth: { anonymousRole: 'analyst' } });
    expect(open.authenticate(undefined)).toMatchObject({ id: 'anonymous', role: 'analyst' });
    expect(codeOf(() => open.authenticate('Bearer wrong'))).toEqual(['UNAUTHENTICATED', expect.anything()]);
  });
});
