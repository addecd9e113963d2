import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { SourceHooks, UpstreamPipeline, UpstreamRequest, UpstreamResponse } from '../../src/datasources/pipeline/types.js';
import { UpstreamSource } from '../../src/datasources/upstream-source.js';
import { newTrace } from '../../src/observability/request-trace.js';

/** A pipeline that answers every call and remembers whose trace each call carried. */
function recordingPipeline() {
  const seen: Array<{ path: string; traceId: string | undefined }> = [];
  const pipeline: UpstreamPipeline = {
    async send<T>(source: SourceHooks, req: UpstreamRequest): Promise<UpstreamResponse<T>> {
      if (req.authenticated !== false) await source.authHeaders();
      seen.push({ path: req.path, traceId: source.requestTrace?.id });
      return { status: 200, headers: {}, body: { path: req.path } as T };
    },
    invalidate: async () => {},
    close: async () => {},
  };
  return { pipeline, seen };
}

class ListSource extends UpstreamSource {
  /** State the source keeps in an object it holds: views change the shared one. */
  readonly counts = { logins: 0 };
  careless?: number;

  protected override async authenticate(): Promise<Record<string, string>> {
    this.counts.logins += 1;
    await this.post('/login', { authenticated: false });
    return { token: 't' };
  }

  override errorFromResponse() {
    return undefined;
  }

  listThings(): Promise<unknown> {
    return this.get('/things');
  }

  note(message: string): void {
    this.logger.info({ upstream: this.instanceId }, message);
  }

  /** A bug the view makes loud: state assigned on the source itself. */
  rememberCarelessly(): void {
    this.careless = 1;
  }
}

function source(pipeline: UpstreamPipeline, logger = pino({ level: 'silent' })): ListSource {
  return new ListSource({ instanceId: 'cv', identity: 'user:x', pipeline, logger });
}

describe("a source's view for one request (UpstreamSource.forRequest)", () => {
  it('hands the pipeline the trace of the request each call is made for', async () => {
    const { pipeline, seen } = recordingPipeline();
    const shared = source(pipeline);
    const a = shared.forRequest(newTrace('req-a'));
    const b = shared.forRequest(newTrace('req-b'));
    await Promise.all([a.listThings(), b.listThings()]);
    await shared.listThings();
    // One login for all three (the session is the shared source's), made for the first request that needed it.
    expect(seen).toEqual([
      { path: '/login', traceId: 'req-a' },
      { path: '/things', traceId: 'req-a' },
      { path: '/things', traceId: 'req-b' },
      { path: '/things', traceId: undefined },
    ]);
    expect(shared.counts.logins).toBe(1);
    expect(b.sessionLive).toBe(true);
  });

  it('is the shared source in all but the trace: same class, same identity, same state', () => {
    const shared = source(recordingPipeline().pipeline);
    const view = shared.forRequest(newTrace('req-a'));
    expect(view).toBeInstanceOf(ListSource);
    expect(view.instanceId).toBe('cv');
    expect(view.identity).toBe('user:x');
    expect(view.counts).toBe(shared.counts);
    expect(shared.requestTrace).toBeUndefined();
  });

  it("writes its log lines with the request's id, and the shared source's without one", () => {
    const lines: Array<Record<string, unknown>> = [];
    const shared = source(recordingPipeline().pipeline, pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) }));
    shared.forRequest(newTrace('req-a')).note('one');
    shared.forRequest(newTrace('req-b')).note('two');
    shared.note('three');
    expect(lines.map((l) => [l.msg, l.requestId])).toEqual([
      ['one', 'req-a'],
      ['two', 'req-b'],
      ['three', undefined],
    ]);
  });

  it('refuses an assignment that would land on the view instead of the shared source', () => {
    const shared = source(recordingPipeline().pipeline);
    const view = shared.forRequest(newTrace('req-a'));
    expect(() => view.rememberCarelessly()).toThrow(TypeError);
    expect(shared.careless).toBeUndefined();
  });
});
