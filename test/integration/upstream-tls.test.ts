import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import 'reflect-metadata';
import { Writable } from 'node:stream';
import pino from 'pino';
import { startCommvaultSimulator, type CommvaultSimulator } from '../../simulators/commvault/index.js';
import { parseConfig } from '../../src/config/load.js';
import { createGateway } from '../../src/gateway.js';
import { commvaultUpstream, startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { createTestPki, type IssuedCert, type TestPki } from '../helpers/test-pki.js';

/**
 * TLS per upstream: each upstream's own CA, name, client certificate and verification, on its own
 * dispatcher. Two CommServe simulators serve HTTPS with certificates from a CA made here: one plain,
 * one that requires a client certificate. Their certificates name `commserve.test` only, so the
 * gateway reaches them at 127.0.0.1 with `tls.servername`.
 */
const NAME = 'commserve.test';
const PLANS = 'query ($u: ID) { commvaultPlans(upstream: $u) { name } }';

let pki: TestPki;
let client: IssuedCert;
let strangerClient: IssuedCert;
let sim: CommvaultSimulator;
let mtlsSim: CommvaultSimulator;
let gw: TestGateway;

beforeAll(async () => {
  pki = createTestPki();
  const server = pki.issue('server', [NAME], 'serverAuth');
  client = pki.issue('client', ['gateway.test'], 'clientAuth');
  // A client certificate from another authority, which the mutual-TLS simulator does not trust.
  const stranger = createTestPki('stranger CA');
  strangerClient = stranger.issue('client', ['gateway.test'], 'clientAuth');
  sim = await startCommvaultSimulator({ port: 0, tls: { cert: server.cert, key: server.key } });
  // TLS 1.2: there the refusal of a client certificate is a handshake alert the gateway can name; under
  // 1.3 the client has finished its handshake first and sees a closed connection (UPSTREAM_UNAVAILABLE).
  mtlsSim = await startCommvaultSimulator({
    port: 0,
    tls: { cert: server.cert, key: server.key, ca: pki.ca.cert, requestCert: true, maxVersion: 'TLSv1.2' },
  });
  const strangerFiles = { cert: strangerClient.certPath, key: strangerClient.keyPath };
  gw = await startTestGateway({
    upstreams: [
      // The CA as a file path here and as inline PEM below: both forms are read.
      commvaultUpstream('cv-ca', sim.url, { tls: { ca: pki.ca.certPath, servername: NAME } }),
      commvaultUpstream('cv-system-ca', sim.url, { tls: { servername: NAME } }),
      commvaultUpstream('cv-wrong-name', sim.url, { tls: { ca: pki.ca.cert } }),
      commvaultUpstream('cv-unverified', sim.url, { tls: { rejectUnauthorized: false } }),
      commvaultUpstream('cv-mtls', mtlsSim.url, { tls: { ca: pki.ca.cert, servername: NAME, cert: client.certPath, key: client.keyPath } }),
      commvaultUpstream('cv-mtls-no-cert', mtlsSim.url, { tls: { ca: pki.ca.cert, servername: NAME } }),
      commvaultUpstream('cv-mtls-stranger', mtlsSim.url, { tls: { ca: pki.ca.cert, servername: NAME, ...strangerFiles } }),
    ],
  });
  stranger.remove();
}, 60_000);

afterAll(async () => {
  await gw?.close();
  await sim?.close();
  await mtlsSim?.close();
  pki?.remove();
});

async function plansOf(upstream: string) {
  const res = await gw.query<{ commvaultPlans: { name: string }[] }>(PLANS, { u: upstream });
  return res.body;
}

/** The simulator's seeded plan names. */
function seededPlanNames(s: CommvaultSimulator): string[] {
  return s.data.plans.map((p) => p.planName).sort();
}

describe('an upstream behind HTTPS with a private certificate authority', () => {
  it('is reached with tls.ca and tls.servername', async () => {
    const body = await plansOf('cv-ca');
    expect(body.errors).toBeUndefined();
    expect(body.data!.commvaultPlans.map((p) => p.name).sort()).toEqual(seededPlanNames(sim));
  });

  it('is refused without tls.ca with UPSTREAM_TLS naming the unknown authority', async () => {
    const body = await plansOf('cv-system-ca');
    expect(body.data).toEqual({ commvaultPlans: [] }); // a list over upstreams: the failing one is a partial error
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_TLS', upstream: { instance: 'cv-system-ca' } });
    expect(body.errors?.[0]?.message).toMatch(/unknown authority/);
  });

  it('is refused when its certificate does not name the host the gateway asked for', async () => {
    const body = await plansOf('cv-wrong-name');
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_TLS', upstreamCode: 'ERR_TLS_CERT_ALTNAME_INVALID' });
    expect(body.errors?.[0]?.message).toMatch(/does not name this host/);
  });

  it('is reached with rejectUnauthorized: false for that upstream only, while the others stay verified', async () => {
    const unverified = await plansOf('cv-unverified');
    expect(unverified.errors).toBeUndefined();
    expect(unverified.data!.commvaultPlans.map((p) => p.name).sort()).toEqual(seededPlanNames(sim));
    // Same simulator, same gateway, after the unverified upstream connected: still refused.
    const verified = await plansOf('cv-system-ca');
    expect(verified.errors?.[0]?.extensions?.code).toBe('UPSTREAM_TLS');
  });

  it('shows each upstream\'s verification on Query.upstreams, and no TLS material', async () => {
    const res = await gw.query<{ upstreams: { id: string; tlsVerification: string }[] }>('{ upstreams { id tlsVerification } }');
    expect(res.body.errors).toBeUndefined();
    const byId = Object.fromEntries(res.body.data!.upstreams.map((u) => [u.id, u.tlsVerification]));
    expect(byId).toMatchObject({ 'cv-ca': 'VERIFIED', 'cv-system-ca': 'VERIFIED', 'cv-unverified': 'DISABLED', 'cv-mtls': 'VERIFIED' });
    expect(JSON.stringify(res.body)).not.toContain('BEGIN');
  });
});

describe('an upstream that requires a client certificate (mutual TLS)', () => {
  it('is reached with tls.cert and tls.key its authority signed', async () => {
    const body = await plansOf('cv-mtls');
    expect(body.errors).toBeUndefined();
    expect(body.data!.commvaultPlans.map((p) => p.name).sort()).toEqual(seededPlanNames(mtlsSim));
  });

  it('refuses the gateway without a client certificate, as UPSTREAM_TLS', async () => {
    const body = await plansOf('cv-mtls-no-cert');
    expect(body.errors?.[0]?.extensions?.code).toBe('UPSTREAM_TLS');
    expect(body.errors?.[0]?.message).toMatch(/TLS check: /);
  });

  it('is refused with a client certificate from another authority', async () => {
    const body = await plansOf('cv-mtls-stranger');
    expect(body.data).toEqual({ commvaultPlans: [] });
    // Node's server resets the connection here rather than sending an alert, so the gateway cannot
    // always tell this from any reset (docs/configuration.md, "TLS per upstream").
    expect(['UPSTREAM_TLS', 'UPSTREAM_UNAVAILABLE']).toContain(body.errors?.[0]?.extensions?.code);
  });
});

describe('TLS configuration', () => {
  it('warns at start about each upstream whose certificate is not verified', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
    const config = parseConfig(
      {
        callers: [{ id: 'a', apiKey: 'k', role: 'analyst' }],
        upstreams: [commvaultUpstream('cv-unverified', sim.url, { tls: { rejectUnauthorized: false } }), commvaultUpstream('cv-ca', sim.url, { tls: { ca: pki.ca.cert, servername: NAME } })],
        server: { port: 0 },
      },
      {},
    );
    const gateway = await createGateway(config, { logger });
    await gateway.stop();
    const warnings = lines.map((l) => JSON.parse(l) as { level: number; upstream?: string; msg: string }).filter((l) => /TLS/.test(l.msg));
    expect(warnings).toEqual([expect.objectContaining({ level: 40, upstream: 'cv-unverified' })]);
    expect(lines.join('')).not.toContain('BEGIN');
  });

  const parse = (tls: unknown, url = sim.url) =>
    () => parseConfig({ upstreams: [commvaultUpstream('cv', url, { tls })] }, {});

  it('refuses tls on an upstream whose url is not https', () => {
    expect(parse({ ca: pki.ca.cert }, 'http://127.0.0.1:1/webconsole/api')).toThrow(/upstreams\[0\]\.tls: the url is not https/);
  });

  it('refuses a PEM file it cannot read, naming the key', () => {
    expect(parse({ ca: `${pki.dir}/missing.pem` })).toThrow(/upstreams\[0\]\.tls\.ca: cannot read PEM file .*ENOENT/);
  });

  it('refuses a client certificate without its key', () => {
    expect(parse({ cert: client.cert })).toThrow(/cert and key go together/);
  });
});
