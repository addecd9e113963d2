import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import type { GatewayContext } from '../../src/context.js';
import type { CommvaultSource } from '../../src/datasources/commvault/commvault-source.js';
import type { CvClient, CvJob } from '../../src/datasources/commvault/model.js';
import { CommvaultJobResolver } from '../../src/resolvers/commvault/job.resolver.js';
import { preloadClients } from '../../src/resolvers/commvault/preload-clients.js';

const client = (clientId: number): CvClient =>
  ({ clientId, name: `c${clientId}`, displayName: null, hostName: null, guid: null, commCellName: null, description: null, osName: null, version: null, isDeleted: null }) as CvClient;
const job = (instanceId: string, clientId: number | null): CvJob =>
  ({ clientId, clientName: clientId === null ? null : `listed-as-${clientId}`, upstream: { id: instanceId, kind: 'commvault' } }) as CvJob;
/** A job's `client` field as the graph resolves it. */
const clientOf = (ctx: GatewayContext, j: CvJob) => new CommvaultJobResolver().client(j, ctx);
const asSources = (...s: Array<{ instanceId: string }>) => new Set(s as unknown as CommvaultSource[]);

/** A source whose client list answers (or fails) when `release` is called, counting the calls. */
function fakeSource(instanceId: string, answer: CvClient[] | Error) {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const source = {
    instanceId,
    calls: 0,
    async clientIndex() {
      source.calls += 1;
      await gate;
      if (answer instanceof Error) throw answer;
      const byId = new Map(answer.map((c) => [c.clientId, c]));
      return { get: (id: number) => byId.get(id) ?? null };
    },
  };
  return { source, release };
}

/** Lets the released lists arrive (their promises settle within a turn of the event loop). */
const arrived = () => new Promise((resolve) => setImmediate(resolve));

function contextOf(...sources: Array<{ instanceId: string }>): GatewayContext {
  const byId = new Map(sources.map((s) => [s.instanceId, s]));
  const state = new Map<symbol, unknown>();
  return {
    sources: { source: (_product: unknown, id: string) => byId.get(id) },
    perRequest: (token: symbol, make: () => unknown) => (state.has(token) ? state.get(token) : (state.set(token, make()), state.get(token))),
  } as unknown as GatewayContext;
}

describe('preloadClients', () => {
  it('asks for the client list once, beside the job list and before the page is known, and holds it so each job\'s client field answers synchronously once it is in', async () => {
    const a = fakeSource('a', [client(1), client(2), client(3)]);
    const ctx = contextOf(a.source);
    const preload = preloadClients(ctx);
    expect(a.source.calls).toBe(0); // nothing before the job list is asked for
    preload.ask(a.source as unknown as CommvaultSource);
    preload.ask(a.source as unknown as CommvaultSource); // a second read of the job stream asks nothing more
    expect(a.source.calls).toBe(1); // asked before any job is known
    a.release();
    await arrived();
    preload.holdLists(asSources(a.source));
    // Values, not promises: no promise per job for the page.
    expect((clientOf(ctx, job('a', 2)) as CvClient).name).toBe('c2');
    expect((clientOf(ctx, job('a', 3)) as CvClient).name).toBe('c3');
    expect(clientOf(ctx, job('a', null))).toBeNull();
    // The page is answered from the list in hand: no second call, even with nothing cached (TTL 0).
    expect(a.source.calls).toBe(1);
  });

  it('answers a client missing from the list with what the job names (a job can outlive its client)', async () => {
    const a = fakeSource('a', [client(1)]);
    const ctx = contextOf(a.source);
    a.release();
    const preload = preloadClients(ctx);
    preload.ask(a.source as unknown as CommvaultSource);
    await arrived();
    preload.holdLists(asSources(a.source));
    const stub = clientOf(ctx, job('a', 99)) as CvClient;
    expect(stub.clientId).toBe(99);
    expect(stub.name).toBe('listed-as-99');
  });

  it('does not ask a failed client list again: that CommServe\'s client fields carry its error, the other CommServe\'s answer', async () => {
    const a = fakeSource('a', new Error('GET /Client refused'));
    const b = fakeSource('b', [client(5)]);
    const ctx = contextOf(a.source, b.source);
    const preload = preloadClients(ctx);
    for (const s of [a.source, b.source]) preload.ask(s as unknown as CommvaultSource);
    a.release();
    b.release();
    await arrived();
    preload.holdLists(asSources(a.source, b.source));
    expect(() => clientOf(ctx, job('a', 1))).toThrow('GET /Client refused');
    expect(a.source.calls).toBe(1);
    expect((clientOf(ctx, job('b', 5)) as CvClient).name).toBe('c5');
  });

  it('holds only the lists of CommServes with jobs on the page', async () => {
    const a = fakeSource('a', [client(1)]);
    const b = fakeSource('b', [client(1)]);
    const ctx = contextOf(a.source, b.source);
    const preload = preloadClients(ctx);
    for (const s of [a.source, b.source]) preload.ask(s as unknown as CommvaultSource);
    a.release();
    b.release();
    await arrived();
    preload.holdLists(asSources(a.source));
    expect((clientOf(ctx, job('a', 1)) as CvClient).name).toBe('c1');
    // b's jobs are not on the page: its field goes through the loader (a promise), not the held list.
    const viaLoader = clientOf(ctx, job('b', 1));
    expect(viaLoader).toBeInstanceOf(Promise);
    await (viaLoader as Promise<unknown>).catch(() => undefined); // this fake source has no loader batch to answer it
  });

  it('asks for the list of a CommServe on the page whose job list it was not told of, once', async () => {
    const a = fakeSource('a', [client(4)]);
    const ctx = contextOf(a.source);
    const preload = preloadClients(ctx);
    a.release();
    preload.holdLists(asSources(a.source));
    expect(a.source.calls).toBe(1);
    expect(((await clientOf(ctx, job('a', 4))) as CvClient).name).toBe('c4');
  });

  it('holds a list still on its way without waiting for it: each client field answers when it arrives, with its error if it fails', async () => {
    const a = fakeSource('a', [client(2)]);
    const b = fakeSource('b', new Error('GET /Client timed out'));
    const ctx = contextOf(a.source, b.source);
    const preload = preloadClients(ctx);
    for (const s of [a.source, b.source]) preload.ask(s as unknown as CommvaultSource);
    // Nothing has arrived: the page is held at once, and its other fields can be made meanwhile.
    expect(preload.holdLists(asSources(a.source, b.source))).toBeUndefined();
    const fromA = clientOf(ctx, job('a', 2));
    const missing = clientOf(ctx, job('a', 7));
    const fromB = clientOf(ctx, job('b', 1));
    expect(fromA).toBeInstanceOf(Promise);
    expect(fromB).toBeInstanceOf(Promise);
    const outcomes = Promise.allSettled([fromA, missing, fromB]);
    a.release();
    b.release();
    const [a2, a7, b1] = await outcomes;
    expect(a2).toMatchObject({ status: 'fulfilled', value: { name: 'c2' } });
    expect(a7).toMatchObject({ status: 'fulfilled', value: { clientId: 7, name: 'listed-as-7' } });
    expect(b1).toMatchObject({ status: 'rejected', reason: { message: 'GET /Client timed out' } });
    // Once in, the same request's fields read the lists synchronously, and nothing is asked again.
    expect((clientOf(ctx, job('a', 2)) as CvClient).name).toBe('c2');
    expect(() => clientOf(ctx, job('b', 1))).toThrow('GET /Client timed out');
    expect(a.source.calls + b.source.calls).toBe(2);
  });

  it('leaves no unhandled rejection when the page fails and its clients are never loaded', async () => {
    const a = fakeSource('a', new Error('down'));
    const ctx = contextOf(a.source);
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      preloadClients(ctx).ask(a.source as unknown as CommvaultSource);
      a.release();
      await new Promise((r) => setTimeout(r, 20));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(unhandled).toEqual([]);
  });
});
