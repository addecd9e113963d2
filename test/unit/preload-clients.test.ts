import { describe, expect, it } from 'vitest';
import type { GatewayContext } from '../../src/context.js';
import type { CommvaultSource } from '../../src/datasources/commvault/commvault-source.js';
import type { CvClient, CvJob } from '../../src/datasources/commvault/model.js';
import { commvaultLoaders } from '../../src/resolvers/commvault/sources.js';
import { preloadClients } from '../../src/resolvers/commvault/preload-clients.js';

const client = (clientId: number): CvClient =>
  ({ clientId, name: `c${clientId}`, displayName: null, hostName: null, guid: null, commCellName: null, description: null, osName: null, version: null, isDeleted: null }) as CvClient;
const job = (clientId: number | null): CvJob => ({ clientId }) as CvJob;

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

function contextOf(...sources: Array<{ instanceId: string }>): GatewayContext {
  const byId = new Map(sources.map((s) => [s.instanceId, s]));
  const state = new Map<symbol, unknown>();
  return {
    sources: { source: (_product: unknown, id: string) => byId.get(id) },
    perRequest: (token: symbol, make: () => unknown) => (state.has(token) ? state.get(token) : (state.set(token, make()), state.get(token))),
  } as unknown as GatewayContext;
}

describe('preloadClients', () => {
  it('asks for the client list once, before the page is known, and settles the page\'s clients from it for synchronous fields', async () => {
    const a = fakeSource('a', [client(1), client(2), client(3)]);
    const ctx = contextOf(a.source);
    const preload = preloadClients(ctx, [a.source as unknown as CommvaultSource]);
    expect(a.source.calls).toBe(1); // asked before any job is known
    a.release();
    await preload.loadClients([{ instanceId: 'a', job: job(2) }, { instanceId: 'a', job: job(3) }, { instanceId: 'a', job: job(null) }]);
    expect(commvaultLoaders(ctx).clientById.resolve({ instanceId: 'a', id: 2 }, (c) => c?.name)).toBe('c2');
    expect(commvaultLoaders(ctx).clientById.resolve({ instanceId: 'a', id: 3 }, (c) => c?.name)).toBe('c3');
    // The page is answered from the list in hand: no second call, even with nothing cached (TTL 0).
    expect(a.source.calls).toBe(1);
  });

  it('settles an unknown client as null (a job can outlive its client)', async () => {
    const a = fakeSource('a', [client(1)]);
    const ctx = contextOf(a.source);
    a.release();
    const preload = preloadClients(ctx, [a.source as unknown as CommvaultSource]);
    await preload.loadClients([{ instanceId: 'a', job: job(99) }]);
    expect(commvaultLoaders(ctx).clientById.resolve({ instanceId: 'a', id: 99 }, (c) => c)).toBeNull();
  });

  it('does not ask a failed client list again: the page\'s clients on that instance carry its error, the other instance\'s settle', async () => {
    const a = fakeSource('a', new Error('GET /Client refused'));
    const b = fakeSource('b', [client(5)]);
    const ctx = contextOf(a.source, b.source);
    const preload = preloadClients(ctx, [a.source, b.source] as unknown as CommvaultSource[]);
    a.release();
    b.release();
    await preload.loadClients([{ instanceId: 'a', job: job(1) }, { instanceId: 'b', job: job(5) }]);
    await expect(commvaultLoaders(ctx).clientById.load({ instanceId: 'a', id: 1 })).rejects.toThrow('GET /Client refused');
    expect(a.source.calls).toBe(1);
    expect(commvaultLoaders(ctx).clientById.resolve({ instanceId: 'b', id: 5 }, (c) => c?.name)).toBe('c5');
  });

  it('leaves no unhandled rejection when the page fails and its clients are never loaded', async () => {
    const a = fakeSource('a', new Error('down'));
    const ctx = contextOf(a.source);
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      preloadClients(ctx, [a.source as unknown as CommvaultSource]);
      a.release();
      await new Promise((r) => setTimeout(r, 20));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(unhandled).toEqual([]);
  });
});
