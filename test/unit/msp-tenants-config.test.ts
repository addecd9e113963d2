import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { COMMVAULT_KINDS } from '../../src/datasources/commvault/kinds.js';

const URL = 'https://api.example.test/commandcenter/api';
const msp = (extra: Record<string, unknown> = {}) => ({
  id: 'msp',
  kind: 'commvault-cloud',
  url: URL,
  username: 'svc-msp',
  password: 'msp-secret',
  tenants: [
    { id: 'acme', companyId: 11 },
    { id: 'globex', companyId: 12, rateLimit: { read: { capacity: 7, refillPerSecond: 0.5 } } },
  ],
  ...extra,
});
const callers = [
  { id: 'all', apiKey: 'k-all', role: 'analyst', upstreams: ['msp'] },
  { id: 'one', apiKey: 'k-one', role: 'analyst', upstreams: ['globex'] },
];

describe('a commvault-cloud entry with tenants (an MSP service account)', () => {
  it('becomes one upstream per tenant, in its place, with the service account and its own company id', () => {
    const config = parseConfig({ callers, upstreams: [msp(), { id: 'cv', kind: 'commvault', url: 'http://cs/webconsole/api', username: 'a', password: 'b' }] }, {});
    expect(config.upstreams.map((u) => [u.id, u.kind, u.url, u.username, u.password, u.operatorCompanyId])).toEqual([
      ['acme', 'commvault-cloud', URL, 'svc-msp', 'msp-secret', 11],
      ['globex', 'commvault-cloud', URL, 'svc-msp', 'msp-secret', 12],
      ['cv', 'commvault', 'http://cs/webconsole/api', 'a', 'b', undefined],
    ]);
    expect(config.upstreams.every((u) => u.tenants === undefined)).toBe(true);
  });

  it('gives each tenant a budget of its own: the documented 1000 reads / 100 writes an hour unless the tenant says otherwise', () => {
    const [acme, globex] = parseConfig({ callers, upstreams: [msp()] }, {}).upstreams;
    expect(acme?.rateLimit.read).toEqual(COMMVAULT_KINDS['commvault-cloud'].rateLimits.read);
    expect(acme?.rateLimit.write).toEqual(COMMVAULT_KINDS['commvault-cloud'].rateLimits.write);
    expect(acme?.rateLimit.shared).toBe(true);
    expect(globex?.rateLimit.read).toEqual({ capacity: 7, refillPerSecond: 0.5 });
    expect(globex?.rateLimit.write).toEqual(COMMVAULT_KINDS['commvault-cloud'].rateLimits.write);
    // Separate objects: a change to one tenant's settings is not another's.
    expect(acme?.rateLimit).not.toBe(globex?.rateLimit);
  });

  it("lets callers name the entry for all its tenants, or one tenant", () => {
    const config = parseConfig({ callers, upstreams: [msp()] }, {});
    expect(config.callers.find((c) => c.id === 'all')?.upstreams).toEqual(['acme', 'globex']);
    expect(config.callers.find((c) => c.id === 'one')?.upstreams).toEqual(['globex']);
  });

  it('copies credentials, collector identities and exclusions given for the entry to each tenant', () => {
    const config = parseConfig(
      {
        callers: [{ id: 'own', apiKey: 'k', role: 'analyst', credentials: { msp: { username: 'u', password: 'p' } } }],
        collectors: { exclude: ['msp'], identities: { msp: { username: 'c', password: 'q' } } },
        upstreams: [msp()],
      },
      {},
    );
    expect(Object.keys(config.callers[0]?.credentials ?? {})).toEqual(['acme', 'globex']);
    expect(config.collectors.exclude).toEqual(['acme', 'globex']);
    expect(config.collectors.identities.globex).toEqual({ username: 'c', password: 'q' });
  });

  it('refuses tenants on a kind without them, a company listed twice, and a tenant id used twice', () => {
    expect(() => parseConfig({ upstreams: [{ ...msp(), kind: 'commvault' }] }, {})).toThrow(/upstreams\[0\]\.tenants: only for/);
    expect(() => parseConfig({ upstreams: [msp({ tenants: [{ id: 'a', companyId: 1 }, { id: 'b', companyId: 1 }] })] }, {})).toThrow(/tenants\[1\]\.companyId: 1 is listed twice/);
    expect(() => parseConfig({ upstreams: [msp({ tenants: [{ id: 'a', companyId: 1 }, { id: 'a', companyId: 2 }] })] }, {})).toThrow(/"a" is used twice/);
  });
});
