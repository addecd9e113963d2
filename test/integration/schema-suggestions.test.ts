import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCommvaultSimulator, type CommvaultSimulator } from '../../simulators/commvault/index.js';
import { commvaultUpstream, startTestGateway, type TestGateway } from '../helpers/gateway.js';

/** Mistakes graphql-js answers with a suggestion of the names it knows. */
const MISTAKES: Array<[string, string, Record<string, unknown>?]> = [
  ['a misspelled field', '{ upstream { id } }'],
  ['a misspelled argument', '{ commvaultClients(serch: "a") { totalCount } }'],
  ['a misspelled enum literal', '{ commvaultStoragePools(medium: CLOUDD) { name } }'],
  ['a misspelled enum value in a variable', 'query Q($m: StorageMedium) { commvaultStoragePools(medium: $m) { name } }', { m: 'CLOUDD' }],
  ['a misspelled type in a fragment', '{ upstreams { ... on Upstreem { id } } }'],
];

describe('what introspection hides stays hidden: no "Did you mean" for roles without introspection', () => {
  let sim: CommvaultSimulator;
  let gw: TestGateway;
  beforeAll(async () => {
    sim = await startCommvaultSimulator();
    gw = await startTestGateway({
      upstreams: [commvaultUpstream('cv-main', sim.url)],
      callers: [
        { id: 'a', apiKey: 'sugg-analyst', role: 'analyst' },
        { id: 'f', apiKey: 'sugg-frontend', role: 'frontend' },
      ],
    });
  });
  afterAll(async () => {
    await gw?.close();
    await sim?.close();
  });

  it.each(MISTAKES)('answers %s without suggestions to a role without introspection (frontend)', async (_name, text, variables) => {
    const res = await gw.query(text, variables, { apiKey: 'sugg-frontend' });
    expect(res.status).toBe(400);
    expect(res.body.errors?.length).toBeGreaterThan(0);
    for (const e of res.body.errors ?? []) {
      expect(e.message).not.toMatch(/did you mean/i);
      expect(e.extensions?.code).toBe('BAD_USER_INPUT');
    }
    // The mistake itself is still named: only the names the client did not send are left out.
    expect(JSON.stringify(res.body)).not.toMatch(/"(upstreams|search|CLOUD|Upstream)"/);
  });

  it.each(MISTAKES)('answers %s with suggestions to a role with introspection (analyst)', async (_name, text, variables) => {
    const res = await gw.query(text, variables, { apiKey: 'sugg-analyst' });
    expect(res.status).toBe(400);
    expect(res.body.errors?.some((e) => /Did you mean/.test(e.message))).toBe(true);
  });
});
