import { describe, expect, it } from 'vitest';
import { toClientIndex, toClients } from '../../src/datasources/commvault/mappers/client.js';

const upstream = { id: 'cv', kind: 'COMMVAULT' } as const;
const entry = (clientId: number | string, clientName: string, hostName = `${clientName}.example`) => ({
  client: { clientEntity: { clientId, clientName, hostName } },
  clientProps: { isDeletedClient: false },
});

describe('the client list by id (lazy index)', () => {
  const body = { clientProperties: [entry(1, 'alpha'), entry('2', 'beta'), entry(3, 'gamma'), entry(2, 'beta-renamed'), { client: {} }] };

  it('answers each id with the client the full mapping gives, the last of a repeated id, and null for an unknown one', () => {
    const index = toClientIndex(body, upstream as never);
    const full = toClients(body, upstream as never);
    expect(index.get(1)).toEqual(full.find((c) => c.clientId === 1));
    expect(index.get(3)).toEqual(full.find((c) => c.clientId === 3));
    expect(index.get(2)?.name).toBe('beta-renamed');
    expect(index.get(99)).toBeNull();
  });

  it('maps a client once, when first asked for, and hands back the same object after', () => {
    const index = toClientIndex(body, upstream as never);
    const mapped = (index as unknown as { mapped: Map<number, unknown> }).mapped;
    expect(mapped.size).toBe(0);
    const first = index.get(1);
    expect(mapped.size).toBe(1);
    expect(index.get(1)).toBe(first);
  });
});
