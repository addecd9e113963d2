import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUZZ_API_KEYS, FUZZ_SECRETS, FUZZ_UPSTREAMS, fuzzGatewayConfig, loadFuzzTargets, startFuzzSimulators, type FuzzSimulators } from '../../fuzz/fuzz-gateway.js';
import { runFuzz } from '../../fuzz/runner.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';

/** Cases per executor on every `npm test`; `npm run fuzz -- --n 20000` runs many more (docs/security.md "Fuzzing"). */
const CASES = 300;
const SEED = 20_251_205;

describe.each(['jit', 'graphql-js'] as const)('the fuzzer (%s executor)', (executor) => {
  let sims: FuzzSimulators;
  let gw: TestGateway;
  let targets: { schema: GraphQLSchema; trusted: Array<[string, string]> };
  beforeAll(async () => {
    [sims, targets] = await Promise.all([startFuzzSimulators(), loadFuzzTargets()]);
    gw = await startTestGateway(fuzzGatewayConfig(sims, executor));
  });
  afterAll(async () => {
    await gw?.close();
    await sims?.close();
  });

  it(`answers ${CASES} generated requests from a fixed seed each below 500, as GraphQL JSON with public codes, leaking nothing`, async () => {
    const report = await runFuzz({
      url: gw.url,
      seed: SEED,
      cases: CASES,
      schema: targets.schema,
      trusted: targets.trusted,
      apiKeys: FUZZ_API_KEYS,
      upstreams: Object.values(FUZZ_UPSTREAMS),
      oracle: { upstreamHosts: sims.hosts, secrets: [...Object.values(FUZZ_SECRETS), ...Object.values(FUZZ_API_KEYS)] },
    });
    expect(report.findings).toEqual([]);
    // The run really exercised the gateway: answers of many kinds, refusals and successes both.
    expect(report.cases).toBe(CASES);
    expect(report.skipped).toBeLessThan(CASES / 10);
    expect(Object.keys(report.byKind).length).toBeGreaterThanOrEqual(8);
    expect(report.byStatus['200']).toBeGreaterThan(0);
    expect(report.byStatus['400']).toBeGreaterThan(0);
  }, 120_000);
});
