import { describe, expect, it, vi } from 'vitest';
import { toClientIndex, toClients } from '../../src/datasources/commvault/mappers/client.js';
import { decodeBody } from '../../src/datasources/pipeline/decode.js';
import { JsonPieces } from '../../src/datasources/pipeline/json-pieces.js';

const upstream = { id: 'cv-main', kind: 'COMMVAULT' } as never;

/** A `GET /Client` answer of `n` clients, in the mixed casing Commvault answers with. */
function clientList(n: number): string {
  const clientProperties = Array.from({ length: n }, (_, i) => ({
    client: {
      clientEntity: { clientId: 1000 + i, clientName: `srv-${i}`, displayName: `Server ${i}`, hostName: `srv-${i}.corp.example`, clientGUID: `guid-${i}` },
      osInfo: { OsDisplayInfo: { OSName: i % 2 ? 'Windows Server 2022' : 'Rocky Linux 9' } },
      versionInfo: { version: '11.36.12' },
      clientDescription: `rack ${i % 9} "east" [b]`,
    },
    clientProps: { isDeletedClient: i % 50 === 0, activityControl: Array.from({ length: 6 }, (_, k) => ({ activityType: k, enableActivityType: true })) },
  }));
  return JSON.stringify({ filterQueryCount: n, clientProperties });
}

const decoded = (text: string, lazy: boolean) => {
  const result = decodeBody(Buffer.from(text), 'application/json', lazy ? { lazyLists: new Set(['clientProperties']) } : {});
  if (!result.ok) throw new Error('not JSON');
  return result.body;
};

describe('the client list kept as bytes', () => {
  it('finds each client by id and maps it as the parsed list does, parsing only the clients asked for', () => {
    const text = clientList(400);
    const lazyBody = decoded(text, true) as { clientProperties: JsonPieces };
    expect(lazyBody.clientProperties).toBeInstanceOf(JsonPieces);
    const byId = new Map(toClients(decoded(text, false), upstream).map((c) => [c.clientId, c]));
    const parsed = vi.spyOn(JsonPieces.prototype, 'at');
    const index = toClientIndex(lazyBody, upstream);
    expect(parsed).not.toHaveBeenCalled(); // ids come from the bytes
    for (const id of [1000, 1007, 1250, 1399]) expect(index.get(id)).toEqual(byId.get(id));
    expect(parsed).toHaveBeenCalledTimes(4);
    parsed.mockRestore();
    expect(index.get(999)).toBeNull();
    expect(index.get(1400)).toBeNull();
  });

  it('gives the whole list to the mappers that read all of it', () => {
    const text = clientList(400);
    expect(toClients(decoded(text, true), upstream)).toEqual(toClients(decoded(text, false), upstream));
  });
});
