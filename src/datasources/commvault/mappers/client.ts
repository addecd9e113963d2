import { toGlobalId } from '../../../util/global-id.js';
import { freezeRecord } from '../../pipeline/freeze.js';
import { JsonPieces } from '../../pipeline/json-pieces.js';
import type { UpstreamRef } from '../../record.js';
import type { CvAgent, CvBackupset, CvClient, CvServer } from '../model.js';
import { bool, field, int, list, path, str } from './read.js';

/** `GET /Client` and `GET /Client/{id}` (an array of one): `{clientProperties: [{client: {clientEntity}, clientProps}]}`. */
export function toClients(body: unknown, upstream: UpstreamRef): CvClient[] {
  return list(field(body, 'clientProperties'))
    .map((raw) => toClient(raw, upstream))
    .filter((c): c is CvClient => c !== null);
}

/**
 * The client list by id, each client mapped when first asked for. A page of jobs needs the clients of
 * its jobs, not the whole list: mapping every client of a 300-client list on a cold page cost more than
 * decoding it (profiled, docs/performance.md). Duplicate ids: the last one stands, as in the mapped list's index.
 */
export class ClientIndex {
  private readonly raws = new Map<number, unknown>();
  private readonly mapped = new Map<number, CvClient | null>();

  /** The list's items when it came as bytes (a large answer, see clientList): raws then hold item numbers. */
  private readonly pieces: JsonPieces | undefined;

  constructor(
    body: unknown,
    private readonly upstream: UpstreamRef,
  ) {
    const items = field(body, 'clientProperties');
    if (items instanceof JsonPieces) {
      // Each client's id read from its bytes; a client is parsed only when a page asks for it.
      this.pieces = items;
      for (let i = 0; i < items.length; i++) {
        const clientId = int(items.itemPath(i, CLIENT_ID_PATH));
        if (clientId !== null) this.raws.set(clientId, i);
      }
      return;
    }
    for (const raw of list(items)) {
      const clientId = clientIdOfRaw(raw);
      if (clientId !== null) this.raws.set(clientId, raw);
    }
  }

  get(clientId: number): CvClient | null {
    let client = this.mapped.get(clientId);
    if (client === undefined) {
      let raw = this.raws.get(clientId);
      if (this.pieces !== undefined && raw !== undefined) raw = this.pieces.at(raw as number);
      client = raw === undefined ? null : freezeRecord(toClient(raw, this.upstream));
      this.mapped.set(clientId, client);
    }
    return client;
  }
}

const CLIENT_ID_PATH = ['client', 'clientEntity', 'clientId'] as const;

export function toClientIndex(body: unknown, upstream: UpstreamRef): ClientIndex {
  return new ClientIndex(body, upstream);
}

function clientIdOfRaw(raw: unknown): number | null {
  return int(path(raw, ...CLIENT_ID_PATH));
}

export function toClient(raw: unknown, upstream: UpstreamRef): CvClient | null {
  const client = field(raw, 'client');
  const entity = field(client, 'clientEntity');
  const clientId = int(field(entity, 'clientId'));
  if (clientId === null) return null;
  return {
    __typename: 'CommvaultClient',
    id: toGlobalId('CommvaultClient', upstream.id, clientId),
    upstream,
    clientId,
    name: str(field(entity, 'clientName')) ?? str(field(entity, 'displayName')) ?? String(clientId),
    displayName: str(field(entity, 'displayName')),
    hostName: str(field(entity, 'hostName')),
    guid: str(field(entity, 'clientGUID')),
    commCellName: str(field(entity, 'commCellName')),
    description: str(field(client, 'clientDescription')),
    osName:
      str(path(client, 'osInfo', 'OsDisplayInfo', 'OSName')) ?? str(path(client, 'osInfo', 'osName')) ?? null,
    version: str(path(client, 'versionInfo', 'version')) ?? str(field(client, 'version')),
    isDeleted: bool(path(raw, 'clientProps', 'isDeletedClient')),
  };
}

/** A client known only by what another answer embeds (e.g. a job of a client no longer listed). */
export function clientStub(upstream: UpstreamRef, clientId: number, name: string | null): CvClient {
  return clientRecord(upstream, { clientId, name: name ?? String(clientId) });
}

/** A client the V4 server list shows but `GET /Client` does not (yet): what V4 says of it. */
export function clientOfServer(upstream: UpstreamRef, s: CvServer): CvClient {
  return clientRecord(upstream, {
    clientId: s.clientId,
    name: s.name,
    displayName: s.displayName,
    hostName: s.hostName,
    osName: s.osName,
    version: s.version,
  });
}

function clientRecord(upstream: UpstreamRef, known: Pick<CvClient, 'clientId' | 'name'> & Partial<CvClient>): CvClient {
  return {
    __typename: 'CommvaultClient',
    id: toGlobalId('CommvaultClient', upstream.id, known.clientId),
    upstream,
    clientId: known.clientId,
    name: known.name,
    displayName: known.displayName ?? null,
    hostName: known.hostName ?? null,
    guid: null,
    commCellName: null,
    description: null,
    osName: known.osName ?? null,
    version: known.version ?? null,
    isDeleted: null,
  };
}

/** `GET /Agent?clientId=`: `{agentProperties: [{idaEntity: {clientId, applicationId, appName}}]}`. */
export function toAgents(body: unknown, clientId: number, upstream: UpstreamRef): CvAgent[] {
  const out: CvAgent[] = [];
  for (const a of list(field(body, 'agentProperties'))) {
    const e = field(a, 'idaEntity');
    const applicationId = int(field(e, 'applicationId'));
    if (applicationId === null) continue;
    out.push({
      upstream,
      clientId: int(field(e, 'clientId')) ?? clientId,
      applicationId,
      name: str(field(e, 'appName')) ?? String(applicationId),
    });
  }
  return out;
}

/** `GET /Backupset?clientId=`: `{backupsetProperties: [{backupSetEntity, commonBackupSet: {isDefaultBackupSet}}]}`. */
export function toBackupsets(body: unknown, clientId: number, upstream: UpstreamRef): CvBackupset[] {
  const out: CvBackupset[] = [];
  for (const b of list(field(body, 'backupsetProperties'))) {
    const e = field(b, 'backupSetEntity');
    const backupsetId = int(field(e, 'backupsetId'));
    if (backupsetId === null) continue;
    const instanceId = int(field(e, 'instanceId'));
    out.push({
      // The client's id rides along: a backup set's subclients are listed per client.
      id: toGlobalId('CommvaultBackupset', upstream.id, `${int(field(e, 'clientId')) ?? clientId}.${backupsetId}`),
      upstream,
      backupsetId,
      name: str(field(e, 'backupsetName')) ?? String(backupsetId),
      clientId: int(field(e, 'clientId')) ?? clientId,
      applicationId: int(field(e, 'applicationId')),
      appName: str(field(e, 'appName')),
      agentInstanceId: instanceId !== null && instanceId > 0 ? instanceId : null,
      agentInstanceName: str(field(e, 'instanceName')),
      isDefault: bool(path(b, 'commonBackupSet', 'isDefaultBackupSet')),
    });
  }
  return out;
}
