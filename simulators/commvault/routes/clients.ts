import { APP_NAMES, type Client, type Subclient } from '../data/types.js';
import { genericError, idParam, listOrOmit, ok, type ApiRequest, type ApiResult, type RouteDef, type Scope, type SimContext } from '../context.js';

export const clientRoutes: RouteDef[] = [
  { method: 'GET', template: '/Client', handle: listClients },
  { method: 'GET', template: '/Client/{id}', handle: getClient },
  { method: 'POST', template: '/Client/{id}', write: true, handle: updateClient },
  { method: 'GET', template: '/V4/Servers', handle: v4Servers },
  { method: 'GET', template: '/Agent', handle: listAgents },
  { method: 'GET', template: '/Backupset', handle: listBackupsets },
  { method: 'GET', template: '/Subclient', handle: listSubclients },
  { method: 'GET', template: '/Subclient/{id}', handle: getSubclient },
];

const CLIENT_ROOT = 'App_GetClientPropertiesResponse';

export function visibleClient(req: ApiRequest, ctx: SimContext, clientId: number | undefined): Client | undefined {
  const c = clientId === undefined ? undefined : ctx.index.clients.get(clientId);
  return c && (req.scope as Scope).company(c.companyId) ? c : undefined;
}

function entityInfo(c: Client): Record<string, unknown> {
  return { companyId: c.companyId, companyName: c.companyName, multiCommcellId: 0 };
}

function clientEntity(ctx: SimContext, c: Client): Record<string, unknown> {
  return {
    _type_: 3,
    hostName: c.hostName,
    clientId: c.clientId,
    clientName: c.clientName,
    displayName: c.displayName,
    clientGUID: c.clientGUID,
    commCellName: ctx.data.commServ.commCellName,
    entityInfo: entityInfo(c),
  };
}

function listClients(req: ApiRequest, ctx: SimContext): ApiResult {
  const items = ctx.data.clients
    .filter((c) => (req.scope as Scope).company(c.companyId))
    .map((c) => ({
      client: { cvdPort: 8400, evmgrcPort: 0, clientEntity: clientEntity(ctx, c) },
      clientProps: { enableAccessControl: false, isDeletedClient: false },
    }));
  return ok(listOrOmit('clientProperties', items), CLIENT_ROOT);
}

/** Still an array of one; an unknown (or another company's) id gives the empty envelope. */
function getClient(req: ApiRequest, ctx: SimContext): ApiResult {
  // `/Client/byName(clientName='fs01')` is the docs' alternative to the id.
  const byName = /^byName\(clientName='(.*)'\)$/i.exec(req.params.id ?? '');
  const clientId: number | undefined = byName ? ctx.data.clients.find((x) => x.clientName.toLowerCase() === byName[1].toLowerCase())?.clientId : idParam(req);
  const c = visibleClient(req, ctx, clientId);
  if (!c) return ok({}, CLIENT_ROOT);
  return ok(
    {
      clientProperties: [
        {
          client: {
            clientEntity: clientEntity(ctx, c),
            clientDescription: c.description,
            ClockSkewInSeconds: 0,
            cvdPort: 8400,
            evmgrcPort: 0,
            osInfo: {
              Type: c.os,
              SubType: 'Server',
              OsDisplayInfo: { OSName: c.osName, ProcessorType: 'x64' },
            },
            versionInfo: { version: c.version, GalaxyBuild: { cvBuildVersion: c.version } },
          },
          clientProps: {
            enableAccessControl: false,
            IsDeletedClient: false,
            isInfrastructure: c.isInfrastructure,
            networkReadiness: { status: c.online ? 'ONLINE' : 'OFFLINE' },
            activityControl: {
              EnableDataManagement: clientActivityEnabled(ctx, c.clientId, 1),
              EnableDataRecovery: clientActivityEnabled(ctx, c.clientId, 2),
              EnableOnlineContentIndex: false,
            },
            clientActivityControl: {
              activityControlOptions: CLIENT_ACTIVITY_TYPES.map((activityType) => ({
                activityType, enableActivityType: clientActivityEnabled(ctx, c.clientId, activityType), enableAfterADelay: false,
              })),
            },
          },
          ActivePhysicalNode: { clientId: c.clientId, clientName: c.clientName, hostName: c.hostName },
          AdvancedFeatures: (ctx.index.agentsByClient.get(c.clientId) ?? []).map((a) => ({ LicenseId: a.applicationId, LicenseName: a.appName })),
          pseudoClientInfo: { clientType: 0 },
        },
      ],
    },
    CLIENT_ROOT,
  );
}

/** `showOnlyInfrastructureMachines` defaults to 1 per the OAS: without `=0` only CommServe and MediaAgents show. */
function v4Servers(req: ApiRequest, ctx: SimContext): ApiResult {
  const infraOnly: boolean = req.query.flag('showOnlyInfrastructureMachines', true);
  const servers = ctx.data.clients
    .filter((c) => (req.scope as Scope).company(c.companyId) && (!infraOnly || c.isInfrastructure))
    .map((c) => {
      const isMa: boolean = ctx.index.mediaAgents.has(c.clientId);
      const roles = [{ id: 1, name: 'Client' }];
      if (isMa) roles.push({ id: 3, name: 'MediaAgent' });
      if (c.clientId === ctx.data.commServ.clientId) roles.push({ id: 2, name: 'CommServe' });
      return {
        id: c.clientId,
        name: c.clientName,
        displayName: c.displayName,
        hostName: c.hostName,
        agents: (ctx.index.agentsByClient.get(c.clientId) ?? []).map((a) => ({ id: a.applicationId, name: a.appName })),
        configured: true,
        version: c.version,
        OS: c.osName,
        // A deterministic sprinkle of servers behind on updates.
        updateState: c.clientId % 17 === 0 ? 'NEEDS_UPDATE' : 'UP_TO_DATE',
        isInfrastructure: c.isInfrastructure,
        isMARoleSet: isMa,
        isMAPackageInstalled: isMa,
        networkReadiness: c.online ? 'ONLINE' : 'OFFLINE',
        company: { id: c.companyId, name: c.companyName },
        tags: [],
        commcell: { name: ctx.data.commServ.commCellName },
        clientRoles: roles,
      };
    });
  return ok({ totalServers: servers.length, servers }, 'Api_GetServersResp');
}

/** Agent, Backupset and Subclient lists reject a missing clientId with an HTTP 200 error body. */
export function requireClientId(req: ApiRequest): number | ApiResult {
  const clientId = req.query.int('clientId');
  if (clientId === undefined) return ok(genericError(1, 'Invalid input: the clientId parameter is required.'), 'CvEntities_GenericResp');
  return clientId;
}

function listAgents(req: ApiRequest, ctx: SimContext): ApiResult {
  const clientId = requireClientId(req);
  if (typeof clientId !== 'number') return clientId;
  const c = visibleClient(req, ctx, clientId);
  const appFilter = req.query.int('applicationId');
  const agents = c ? (ctx.index.agentsByClient.get(c.clientId) ?? []).filter((a) => appFilter === undefined || a.applicationId === appFilter) : [];
  return ok(
    listOrOmit(
      'agentProperties',
      agents.map((a) => ({
        idaEntity: { _type_: 4, clientId: a.clientId, clientName: c?.clientName ?? '', applicationId: a.applicationId, appName: a.appName, entityInfo: c ? entityInfo(c) : {} },
        AgentProperties: { isMarkedDeleted: false },
        idaActivityControl: { activityControlOptions: [{ activityType: 1, enableActivityType: true }] },
      })),
    ),
    'App_GetAgentPropertiesResponse',
  );
}

function listBackupsets(req: ApiRequest, ctx: SimContext): ApiResult {
  const clientId = requireClientId(req);
  if (typeof clientId !== 'number') return clientId;
  const c = visibleClient(req, ctx, clientId);
  const appFilter = req.query.int('applicationId');
  const backupsets = c ? (ctx.index.backupsetsByClient.get(c.clientId) ?? []).filter((b) => appFilter === undefined || b.applicationId === appFilter) : [];
  return ok(
    listOrOmit(
      'backupsetProperties',
      backupsets.map((b) => ({
        backupSetEntity: {
          _type_: 6,
          clientId: b.clientId,
          clientName: c?.clientName ?? '',
          applicationId: b.applicationId,
          appName: APP_NAMES[b.applicationId] ?? '',
          instanceId: b.instanceId,
          instanceName: ctx.index.instances.get(b.instanceId)?.instanceName ?? '',
          backupsetId: b.backupsetId,
          backupsetName: b.backupsetName,
        },
        commonBackupSet: { isDefaultBackupSet: b.isDefault },
      })),
    ),
    'App_GetBackupsetPropertiesResponse',
  );
}

export function subclientEntity(ctx: SimContext, sc: Subclient): Record<string, unknown> {
  const c = ctx.index.clients.get(sc.clientId);
  return {
    _type_: 7,
    subclientId: sc.subclientId,
    subclientName: sc.subclientName,
    clientId: sc.clientId,
    clientName: c?.clientName ?? '',
    applicationId: sc.applicationId,
    appName: APP_NAMES[sc.applicationId] ?? '',
    backupsetId: sc.backupsetId,
    backupsetName: ctx.index.backupsets.get(sc.backupsetId)?.backupsetName ?? '',
    instanceId: sc.instanceId,
    instanceName: ctx.index.instances.get(sc.instanceId)?.instanceName ?? '',
  };
}

export function subclientProperties(ctx: SimContext, sc: Subclient): Record<string, unknown> {
  const policy = ctx.index.policies.get(sc.storagePolicyId);
  const plan = ctx.index.plans.get(sc.planId);
  const last = ctx.index.lastBackup.get(sc.subclientId);
  const common: Record<string, unknown> = {
    description: sc.description,
    enableBackup: sc.enableBackup,
    storageDevice: { dataBackupStoragePolicy: { storagePolicyId: sc.storagePolicyId, storagePolicyName: policy?.storagePolicyName ?? '' } },
    numberOfBackupStreams: sc.streams,
    // cvpysdk's `last_backup_time`: Unix seconds, 0 when never backed up (here the newest finished backup's start).
    lastBackupTime: last?.startTime ?? 0,
  };
  if (last) {
    common.lastBackupJobInfo = { jobId: last.jobId, status: last.status, backupLevelName: last.backupLevel ?? '', jobStartTime: last.startTime, jobEndTime: last.endTime };
  }
  const out: Record<string, unknown> = {
    subClientEntity: subclientEntity(ctx, sc),
    contentOperationType: 2,
    commonProperties: common,
    planEntity: { planId: sc.planId, planName: plan?.planName ?? '' },
    // Content, filters and exceptions share one list, one key per item (cvpysdk fssubclient.py).
    ...listOrOmit('content', [
      ...sc.content.map((path) => ({ path })),
      ...sc.filters.map((excludePath) => ({ excludePath })),
      ...sc.exceptions.map((includePath) => ({ includePath })),
    ]),
  };
  if (sc.applicationId === 33 || sc.applicationId === 29) {
    out.fsSubClientProp = { useGlobalFilters: 2, followMountPointsMode: 1, ...(sc.ddbBackup ? { isDDBSubclient: true } : {}) };
  }
  return out;
}

function listSubclients(req: ApiRequest, ctx: SimContext): ApiResult {
  const clientId = requireClientId(req);
  if (typeof clientId !== 'number') return clientId;
  const c = visibleClient(req, ctx, clientId);
  const appFilter = req.query.int('applicationId');
  const subclients = c ? (ctx.index.subclientsByClient.get(c.clientId) ?? []).filter((s) => appFilter === undefined || s.applicationId === appFilter) : [];
  return ok(listOrOmit('subClientProperties', subclients.map((s) => subclientProperties(ctx, s))), 'App_GetSubClientPropertiesResponse');
}

function getSubclient(req: ApiRequest, ctx: SimContext): ApiResult {
  const sc = ctx.index.subclients.get(idParam(req));
  const visible: boolean = sc !== undefined && visibleClient(req, ctx, sc.clientId) !== undefined;
  return ok(visible && sc ? { subClientProperties: [subclientProperties(ctx, sc)] } : {}, 'App_GetSubClientPropertiesResponse');
}

/** The activities of a client's own activity control (cvpysdk): data management, data recovery, data aging. */
const CLIENT_ACTIVITY_TYPES: readonly number[] = [1, 2, 16];

function clientActivityEnabled(ctx: SimContext, clientId: number, activityType: number): boolean {
  return !(ctx.data.clientActivityDisabled[clientId] ?? []).includes(activityType);
}

/**
 * `POST /Client/{id}` with `clientProperties.clientProps.clientActivityControl.activityControlOptions` (cvpysdk's
 * body; the only property this simulator changes) → `{"response": [{"errorCode": 0}]}`, the GenericResp
 * family's answer (docs/upstreams/commvault.md §7). Company users may change their own clients.
 */
function updateClient(req: ApiRequest, ctx: SimContext): ApiResult {
  const refuse = (message: string): ApiResult => ok({ response: [{ errorCode: 2, errorString: message }] }, 'App_GenericResp');
  const c = visibleClient(req, ctx, idParam(req));
  if (!c) return refuse(`Client [${req.params.id}] not found.`);
  const body = (req.body ?? {}) as { clientProperties?: { clientProps?: { clientActivityControl?: { activityControlOptions?: unknown } } } };
  const options = body.clientProperties?.clientProps?.clientActivityControl?.activityControlOptions;
  if (!Array.isArray(options) || options.length === 0) return refuse('Invalid input: no property to update.');
  const disabled = new Set(ctx.data.clientActivityDisabled[c.clientId] ?? []);
  for (const o of options as Array<{ activityType?: unknown; enableActivityType?: unknown }>) {
    const type = Number(o.activityType);
    if (!CLIENT_ACTIVITY_TYPES.includes(type) || typeof o.enableActivityType !== 'boolean') return refuse(`Invalid activity type [${String(o.activityType)}].`);
    if (o.enableActivityType) disabled.delete(type);
    else disabled.add(type);
  }
  ctx.data.clientActivityDisabled[c.clientId] = [...disabled].sort((a, b) => a - b);
  return ok({ response: [{ errorCode: 0 }] }, 'App_GenericResp');
}

