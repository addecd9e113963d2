import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { createGatewayContext, type GatewayContext, type Principal } from '../../src/context.js';
import { createUpstreamPipeline } from '../../src/datasources/pipeline/index.js';
import { SourceRegistry } from '../../src/datasources/registry.js';
import { newTrace, type RequestTrace } from '../../src/observability/request-trace.js';
import { useReleaseAfterResponse } from '../../src/plugins/release-after-response.plugin.js';
import { UPSTREAM_PRODUCTS } from '../../src/products.js';

function contextWith(trace: RequestTrace | undefined): GatewayContext {
  // An upstream nothing calls: the context only needs a registry to build.
  const config = parseConfig({ upstreams: [{ id: 'cv', kind: 'commvault', url: 'http://127.0.0.1:9/webconsole/api', username: 'u', password: 'p' }], logLevel: 'silent' }, {});
  const logger = pino({ level: 'silent' });
  const registry = new SourceRegistry({ config, pipeline: createUpstreamPipeline({ upstreams: config.upstreams, cache: config.cache, logger }), logger, products: UPSTREAM_PRODUCTS });
  const principal: Principal = { id: 'test', role: 'analyst', upstreamIds: ['cv'], credentials: {} };
  return createGatewayContext({ principal, registry, config, trace });
}

/** Runs the plugin's requestDidStart on an operation whose result Apollo holds, as Apollo would. */
async function started(contextValue: GatewayContext) {
  const response: { body?: unknown } = { body: { kind: 'single', singleResult: { data: { jobs: { edges: [] } } } } };
  await useReleaseAfterResponse<GatewayContext>().requestDidStart!({ contextValue, response } as never);
  return response;
}

describe('useReleaseAfterResponse', () => {
  it('lets go of the result and the per-request state only when the HTTP layer says the answer is written', async () => {
    const trace = newTrace('r-1');
    const ctx = contextWith(trace);
    const token = Symbol('loaders');
    const held = ctx.perRequest(token, () => ({ lists: ['held'] }));
    const response = await started(ctx);
    // Until the answer is written, everything stands.
    expect(response.body).toBeDefined();
    expect(ctx.perRequest(token, () => ({ lists: [] }))).toBe(held);
    expect(trace.afterResponse).toHaveLength(1);

    for (const release of trace.afterResponse!) release();
    expect(response.body).toBeUndefined();
    // The state is gone: a late reader gets a fresh one, not the released one.
    const after = ctx.perRequest(token, () => ({ lists: [] }));
    expect(after).not.toBe(held);
    expect(after).toEqual({ lists: [] });
  });

  it('keeps one release per operation of a batch, and none for an operation without an HTTP answer (WebSocket)', async () => {
    const trace = newTrace('r-2');
    const ctx = contextWith(trace);
    const first = await started(ctx);
    const second = await started(ctx);
    expect(trace.afterResponse).toHaveLength(2);
    for (const release of trace.afterResponse!) release();
    expect([first.body, second.body]).toEqual([undefined, undefined]);

    const overWebSocket = await started(contextWith(undefined));
    expect(overWebSocket.body).toBeDefined();
  });
});
