import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCommvaultSimulator, type CommvaultSimulator } from '../../simulators/commvault/index.js';
import { sha256Hex } from '../../src/util/sha256.js';
import { commvaultUpstream, startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { refusedCount } from '../helpers/refusals.js';

const ANALYST = 'limits-analyst';
const FRONTEND = 'limits-frontend';
const PARTNER = 'limits-partner';
/** StorageCapacity of the codegen manifest: 25 tokens, one root field. */
const STORAGE_CAPACITY_ID = 'sha256:174bffbb046e890b33c8a220428c32d8ca82db8250ef2bf5461d13eb7bfef910';

/** `{ a0: upstreams { id } a1: … }`: n aliases of one cheap field. */
const aliases = (n: number, field = 'upstreams { id }') => `{${Array.from({ length: n }, (_, i) => ` a${i}: ${field}`).join('')} }`;

async function post(url: string, body: string, apiKey = ANALYST, contentType = 'application/json') {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': contentType, authorization: `Bearer ${apiKey}` }, body });
  return { status: res.status, contentType: res.headers.get('content-type'), body: (await res.json()) as { data?: unknown; errors?: Array<{ message: string; extensions: Record<string, unknown> }> } };
}

describe('document limits before execution', () => {
  let sim: CommvaultSimulator;
  let gw: TestGateway;
  beforeAll(async () => {
    sim = await startCommvaultSimulator();
    gw = await startTestGateway({
      upstreams: [commvaultUpstream('cv-main', sim.url)],
      callers: [
        { id: 'a', apiKey: ANALYST, role: 'analyst' },
        { id: 'f', apiKey: FRONTEND, role: 'frontend' },
        { id: 'p', apiKey: PARTNER, role: 'partner' },
      ],
      limits: { maxTokens: 400, maxAliases: 10, maxRootFields: 6, maxDirectives: 5 },
      roles: {
        frontend: { maxTokens: 100, maxAliases: 2, maxRootFields: 3, maxDirectives: 1 },
        partner: { maxTokens: 5 },
      },
      server: { bodyLimit: 600_000 },
    });
  });
  afterAll(async () => {
    await gw?.close();
    await sim?.close();
  });

  const query = (text: string, apiKey = ANALYST) => post(gw.url, JSON.stringify({ query: text }), apiKey);

  it('refuses 20 000 aliases of one cheap field (~489 KB) with QUERY_TOO_COMPLEX in under 50 ms of gateway CPU', async () => {
    const body = JSON.stringify({ query: aliases(20_000) });
    expect(body.length).toBeGreaterThan(480_000);
    const first = await post(gw.url, body); // warms the code paths: the figure is the steady state
    expect(first.status).toBe(400);
    expect(first.body.errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', tokens: 401, maxTokens: 400 });
    // The client runs in another process, so this process's CPU is the gateway's, plus what starting a
    // child and vitest's own work cost: a run that sends nothing is measured too and taken off.
    const runs = 20;
    const client = (n: number) => `
      const body = JSON.stringify({ query: '{' + Array.from({ length: 20000 }, (_, i) => ' a' + i + ': upstreams { id }').join('') + ' }' });
      for (let i = 0; i < ${n}; i++) {
        const res = await fetch(${JSON.stringify(`${gw.url}/graphql`)}, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer ${ANALYST}' }, body });
        if (res.status !== 400) throw new Error('status ' + res.status);
        await res.text();
      }`;
    const cpuMsOf = async (n: number) => {
      const before = process.cpuUsage();
      await new Promise<void>((resolve, reject) =>
        execFile(process.execPath, ['--input-type=module', '-e', client(n)], (error) => (error ? reject(error) : resolve())),
      );
      const cpu = process.cpuUsage(before);
      return (cpu.user + cpu.system) / 1000;
    };
    const idle = await cpuMsOf(0);
    const cpuMsPerRequest = ((await cpuMsOf(runs)) - idle) / runs;
    expect(cpuMsPerRequest).toBeLessThan(50);
  });

  it('refuses a document over limits.maxTokens with the limit and the count in extensions, counted as reason="tokens"', async () => {
    const before = await refusedCount(gw.url, 'role="analyst",reason="tokens",code="QUERY_TOO_COMPLEX"');
    const res = await query(`{${' __typename'.repeat(400)} }`);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', tokens: 401, maxTokens: 400 });
    expect(res.body.errors?.[0]?.message).toBe('Document has more than 400 tokens; the limit is 400');
    expect(await refusedCount(gw.url, 'role="analyst",reason="tokens",code="QUERY_TOO_COMPLEX"')).toBe(before + 1);
  });

  it('names the exact token count when a role limit below the global one refuses', async () => {
    const res = await query(`{${' __typename'.repeat(150)} }`, FRONTEND);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', tokens: 152, maxTokens: 100 });
  });

  it('refuses an operation over limits.maxAliases, counted as reason="aliases"', async () => {
    const before = await refusedCount(gw.url, 'role="analyst",reason="aliases",code="QUERY_TOO_COMPLEX"');
    const res = await query(`{ upstreams { ${Array.from({ length: 11 }, (_, i) => `i${i}: id`).join(' ')} } }`);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]).toEqual({
      message: 'Operation has 11 aliases; the limit is 10',
      extensions: { code: 'QUERY_TOO_COMPLEX', aliases: 11, maxAliases: 10 },
    });
    expect(await refusedCount(gw.url, 'role="analyst",reason="aliases",code="QUERY_TOO_COMPLEX"')).toBe(before + 1);
  });

  it('counts the aliases of a fragment at each spread', async () => {
    const res = await query('fragment F on Upstream { x: id y: id } { a: upstreams { ...F } b: upstreams { ...F } c: upstreams { ...F } }');
    // 3 + 3 × 2 = 9 for the analyst (limit 10); the same document is 9 > 2 for the frontend role.
    expect(res.status).toBe(200);
    const tight = await query('fragment F on Upstream { x: id y: id } { a: upstreams { ...F } b: upstreams { ...F } c: upstreams { ...F } }', FRONTEND);
    expect(tight.body.errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', aliases: 9, maxAliases: 2 });
  });

  it('refuses an operation over limits.maxRootFields, counted as reason="root_fields"', async () => {
    const before = await refusedCount(gw.url, 'role="analyst",reason="root_fields",code="QUERY_TOO_COMPLEX"');
    const res = await query('{ __typename upstreams { id } ...R } fragment R on Query { __typename upstreams { kind } __typename upstreams { id } __typename }');
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', rootFields: 7, maxRootFields: 6 });
    expect(await refusedCount(gw.url, 'role="analyst",reason="root_fields",code="QUERY_TOO_COMPLEX"')).toBe(before + 1);
  });

  it('refuses an operation over limits.maxDirectives, counted as reason="directives"', async () => {
    const before = await refusedCount(gw.url, 'role="analyst",reason="directives",code="QUERY_TOO_COMPLEX"');
    const res = await query(`{ upstreams { id${' @include(if: true)'.repeat(6)} } }`);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', directives: 6, maxDirectives: 5 });
    expect(await refusedCount(gw.url, 'role="analyst",reason="directives",code="QUERY_TOO_COMPLEX"')).toBe(before + 1);
  });

  it("applies a role's own lower limits to that role only", async () => {
    const text = '{ a: upstreams { id } b: upstreams { id } c: upstreams { id } }';
    expect((await query(text)).status).toBe(200);
    const before = await refusedCount(gw.url, 'role="frontend",reason="aliases",code="QUERY_TOO_COMPLEX"');
    const res = await query(text, FRONTEND);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', aliases: 3, maxAliases: 2 });
    expect(await refusedCount(gw.url, 'role="frontend",reason="aliases",code="QUERY_TOO_COMPLEX"')).toBe(before + 1);
  });

  it('measures a document run by APQ hash alone against the caller\'s role, though another role registered it', async () => {
    const text = '{ a: upstreams { id } b: upstreams { id } c: upstreams { id } }';
    const persistedQuery = { version: 1, sha256Hash: sha256Hex(text) };
    const registered = await post(gw.url, JSON.stringify({ query: text, extensions: { persistedQuery } }));
    expect(registered.status).toBe(200);
    const res = await post(gw.url, JSON.stringify({ extensions: { persistedQuery } }), FRONTEND);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', aliases: 3, maxAliases: 2 });
  });

  it('does not register a refused APQ document', async () => {
    const text = aliases(11, 'upstreams { id }');
    const persistedQuery = { version: 1, sha256Hash: sha256Hex(text) };
    expect((await post(gw.url, JSON.stringify({ query: text, extensions: { persistedQuery } }))).status).toBe(400);
    const lookup = await post(gw.url, JSON.stringify({ extensions: { persistedQuery } }));
    expect(lookup.body.errors?.[0]?.extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('exempts trusted documents (the reviewed manifest) from the document limits', async () => {
    const res = await post(gw.url, JSON.stringify({ documentId: STORAGE_CAPACITY_ID }), PARTNER);
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
  });

  it('still runs a document within every limit', async () => {
    const res = await query('query Q($x: Boolean = true) { a: upstreams @include(if: $x) { id } }');
    expect(res).toMatchObject({ status: 200, body: { data: { a: [{ id: 'cv-main' }] } } });
  });

  it('answers a body over server.bodyLimit with HTTP 413 and a GraphQL error', async () => {
    const res = await post(gw.url, JSON.stringify({ query: `{ __typename }${' '.repeat(600_000)}` }));
    expect(res.status).toBe(413);
    expect(res.contentType).toMatch(/^application\/json/);
    expect(res.body).toEqual({
      errors: [{ message: 'Request body is larger than 600000 bytes', extensions: { code: 'BAD_USER_INPUT', maxBytes: 600_000 } }],
    });
  });

  it('answers a body that is not JSON with HTTP 400 and a GraphQL error', async () => {
    const res = await post(gw.url, '{"query":');
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });

  it('answers a content type it cannot read with HTTP 415 and a GraphQL error', async () => {
    const res = await post(gw.url, '<query/>', ANALYST, 'application/xml');
    expect(res.status).toBe(415);
    expect(res.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });
});
