import { afterAll, beforeAll, beforeEach } from 'vitest';
import { FakeUpstream } from './fake-upstream.js';
import { startTestGateway, type GraphQLResponse, type TestGateway } from './gateway.js';

/**
 * The set-up of the fixture tests that check a mapper or a request body against the real API's shapes:
 * one scripted CommServe (FakeUpstream under `/api`, never the project's simulator) behind a gateway with
 * one admin caller; the fake is emptied and `script` run again before each test (unless `scriptOnce`), so
 * each starts from the scripted answers with no call recorded.
 */
export function useCommvaultFixture(opts: {
  upstreamId: string;
  adminKey: string;
  script: () => void;
  /**
   * Script the fake once, as it starts, and keep every call it records for the whole file. The gateway
   * caches lists across requests, so a later test's read may be answered from the cache and the upstream
   * call it asserts on is the one an earlier test made: a reset before each test would drop it.
   */
  scriptOnce?: boolean;
}): {
  readonly fake: FakeUpstream;
  readonly gw: TestGateway;
  gql(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<any>>;
} {
  let fake: FakeUpstream | undefined;
  let gw: TestGateway | undefined;
  beforeAll(async () => {
    fake = await FakeUpstream.start('/api');
    if (opts.scriptOnce) opts.script();
    gw = await startTestGateway({
      callers: [{ id: 'admin', apiKey: opts.adminKey, role: 'admin' }],
      upstreams: [{ id: opts.upstreamId, kind: 'commvault', url: fake.url, username: 'admin', password: 'pw' }],
    });
  });
  afterAll(async () => {
    await gw?.close();
    await fake?.close();
  });
  if (!opts.scriptOnce) {
    beforeEach(() => {
      fake!.reset();
      opts.script();
    });
  }
  return {
    get fake() {
      return fake!;
    },
    get gw() {
      return gw!;
    },
    gql: (query, variables) => gw!.query<any>(query, variables, { apiKey: opts.adminKey }),
  };
}
