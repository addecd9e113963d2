import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config/load.js';

const minimal = {
  callers: [{ id: 'web', apiKey: 'k1', role: 'frontend' }],
  upstreams: [{ id: 'cv-main', kind: 'commvault', url: 'http://127.0.0.1:8401/webconsole/api', username: 'admin', password: 'pw' }],
};
const withTraces = (traces: unknown) => parseConfig({ ...minimal, telemetry: { traces } }, {});

describe('telemetry.traces configuration', () => {
  it('is off unless set: no traces key, no tracer', () => {
    expect(parseConfig(minimal, {}).telemetry).toEqual({});
    expect(parseConfig({ ...minimal, telemetry: {} }, {}).telemetry.traces).toBeUndefined();
  });

  it('needs only the collector endpoint: every trace recorded, no export headers, service backup-graph', () => {
    expect(withTraces({ endpoint: 'http://otel-collector:4318/v1/traces' }).telemetry.traces).toEqual({
      endpoint: 'http://otel-collector:4318/v1/traces',
      headers: {},
      sampleRatio: 1,
      serviceName: 'backup-graph',
    });
  });

  it('takes export headers, a sample ratio and a service name', () => {
    const traces = withTraces({ endpoint: 'https://otlp.example.com/v1/traces', headers: { 'x-api-key': 'k' }, sampleRatio: 0.05, serviceName: 'graph-eu' }).telemetry.traces;
    expect(traces).toEqual({ endpoint: 'https://otlp.example.com/v1/traces', headers: { 'x-api-key': 'k' }, sampleRatio: 0.05, serviceName: 'graph-eu' });
  });

  it('reads secret export headers from the environment, and refuses a variable that is not set', () => {
    const raw = { ...minimal, telemetry: { traces: { endpoint: 'https://otlp.example.com/v1/traces', headers: { 'x-tenant': 'eu' }, headersEnv: { 'x-api-key': 'OTLP_KEY' } } } };
    expect(parseConfig(raw, { OTLP_KEY: 's3cret' }).telemetry.traces?.headers).toEqual({ 'x-tenant': 'eu', 'x-api-key': 's3cret' });
    expect(() => parseConfig(raw, {})).toThrow(/telemetry\.traces\.headersEnv\.x-api-key: environment variable OTLP_KEY is not set/);
  });

  it.each([
    ['no endpoint', {}, /telemetry\.traces\.endpoint/],
    ['an endpoint that is not an http(s) URL', { endpoint: 'otel-collector:4318' }, /telemetry\.traces\.endpoint/],
    ['a gRPC scheme', { endpoint: 'grpc://otel-collector:4317' }, /telemetry\.traces\.endpoint/],
    ['a ratio above 1', { endpoint: 'http://c:4318/v1/traces', sampleRatio: 1.5 }, /telemetry\.traces\.sampleRatio/],
    ['a negative ratio', { endpoint: 'http://c:4318/v1/traces', sampleRatio: -0.1 }, /telemetry\.traces\.sampleRatio/],
    ['a header value that is not a string', { endpoint: 'http://c:4318/v1/traces', headers: { 'x-api-key': 42 } }, /telemetry\.traces\.headers/],
    ['an unknown key (a typo of sampleRatio)', { endpoint: 'http://c:4318/v1/traces', sampleRate: 0.5 }, /sampleRate/],
  ])('refuses %s, naming the key', (_what, traces, pattern) => {
    expect(() => withTraces(traces)).toThrow(ConfigError);
    expect(() => withTraces(traces)).toThrow(pattern);
  });

  it('refuses an unknown telemetry signal', () => {
    expect(() => parseConfig({ ...minimal, telemetry: { trace: { endpoint: 'http://c:4318/v1/traces' } } }, {})).toThrow(/trace/);
  });
});
