import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCommvaultSimulator } from '../../simulators/commvault/index.js';
import { ALERT_CHANNEL } from '../../src/subscriptions/alert-bus.js';
import type { AlertRecord } from '../../src/store/history-store.js';
import { commvaultUpstream, startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { provideTestRedis } from '../helpers/redis-server.js';
import { wsClient } from '../helpers/ws-client.js';

const { redis: server, skipReason } = await provideTestRedis();

/** alertRaised across replicas: an alert published on the Redis channel (by any replica) reaches this replica's subscribers. */
describe.skipIf(!server)(`alertRaised through Redis ${skipReason ?? ''}`, () => {
  let sim: Awaited<ReturnType<typeof startCommvaultSimulator>>;
  let gw: TestGateway;
  let other: Redis;
  beforeAll(async () => {
    sim = await startCommvaultSimulator({ port: 0 });
    gw = await startTestGateway({ upstreams: [commvaultUpstream('cv', sim.url)], redis: { url: server!.url } });
    other = new Redis(server!.url);
  }, 60_000);
  afterAll(async () => {
    other?.disconnect();
    await gw?.close();
    await sim?.close();
    await server?.stop();
  });

  it('delivers an alert another replica published on the channel', async () => {
    const alert: AlertRecord = {
      id: '11111111-2222-4333-8444-555555555555',
      ruleId: 'NODE_OFFLINE',
      fingerprint: 'NODE_OFFLINE:cv:x',
      severity: 'CRITICAL',
      upstreamId: 'cv',
      objectId: null,
      message: 'MediaAgent offline',
      raisedAt: Date.now(),
      lastSeenAt: Date.now(),
      resolvedAt: null,
      acknowledgedAt: null,
      acknowledgedBy: null,
      acknowledgeNote: null,
    };
    const client = wsClient(gw.url, 'test-analyst');
    try {
      await client.connected;
      const seen = client.subscribe('subscription { alertRaised { id rule message upstream { id } } }');
      const deadline = Date.now() + 10_000;
      while (seen.results.length === 0 && Date.now() < deadline) {
        await other.publish(ALERT_CHANNEL, JSON.stringify(alert));
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(seen.results[0]?.data?.alertRaised).toEqual({ id: alert.id, rule: 'NODE_OFFLINE', message: 'MediaAgent offline', upstream: { id: 'cv' } });
      seen.stop();
    } finally {
      await client.dispose();
    }
  });
});
