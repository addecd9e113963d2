import { genericError, ok, type ApiRequest, type ApiResult, type RouteDef, type Scope, type SimContext } from '../context.js';

/**
 * The CommServe's own resources (docs/upstreams/commvault.md §6.3 and §11): identity, licence and
 * registration, health conditions, CommCell activity control and DR backup settings. All read the one
 * seeded CommServe, so they agree with each other and with the client and job answers.
 */
export const commServRoutes: RouteDef[] = [
  {
    method: 'GET',
    template: '/CommServ',
    handle: (_req, ctx) => {
      const cs = ctx.data.commServ;
      return ok(
        {
          commcell: { commCellId: cs.commCellId, commCellName: cs.commCellName, csGUID: cs.csGUID, _type_: 1 },
          hostName: cs.hostName,
          csTimeZone: { TimeZoneName: cs.timeZoneName },
          timeZone: cs.timeZone,
          currentSPVersion: cs.currentSPVersion,
          csVersionInfo: cs.csVersionInfo,
          releaseName: cs.releaseName,
        },
        'App_GetCommServInfoResp',
      );
    },
  },
  {
    method: 'GET',
    template: '/V4/License',
    handle: (_req, ctx) => {
      const { commServ: cs } = ctx.data;
      const l = cs.licence;
      return ok(
        {
          commCellId: cs.commCellId, commServeIPAddress: l.ipAddress, licenseIPAddress: l.ipAddress, edition: l.edition,
          licenseMode: l.mode, serialNumber: l.serialNumber, registrationCode: l.registrationCode, expiryDate: l.expiryDate,
        },
        'CvEntities_LicenseResp',
      );
    },
  },
  {
    method: 'GET',
    template: '/CommcellRegistrationInformation',
    handle: (_req, ctx) => {
      const { commServ: cs } = ctx.data;
      const l = cs.licence;
      return ok(
        {
          commcellId: cs.commCellId, csHostNameOrAddress: cs.hostName, licenseIpAddress: l.ipAddress, oemName: l.oemName,
          regCode: l.registrationCode, serialNo: l.serialNumber, licenseMode: l.mode, expiryDate: l.expiryDate,
        },
        'EVGui_CommcellRegistrationInfo',
      );
    },
  },
  { method: 'GET', template: '/V4/AnomalousConditions', handle: anomalousConditions },
  {
    method: 'GET',
    template: '/V4/CommCell/ActivityControl',
    handle: (_req, ctx) =>
      ok(
        {
          acObjects: ctx.data.activityControl.map((a) => ({
            activityType: a.activityType, enabled: a.enabled, reEnableTime: a.reEnableTime, noSchedEnable: false, reenableTimeZone: 0,
          })),
        },
        'CvEntities_ActivityControlResp',
      ),
  },
  { method: 'POST', template: '/CommCell/ActivityControl/{id}/Action/Enable', write: true, handle: (req, ctx) => setActivity(req, ctx, true) },
  { method: 'POST', template: '/CommCell/ActivityControl/{id}/Action/Disable', write: true, handle: (req, ctx) => setActivity(req, ctx, false) },
  {
    method: 'GET',
    template: '/Commcell/DRBackup/Properties',
    handle: (_req, ctx) => {
      const dr = ctx.data.commServ.drBackup;
      return ok(
        {
          drBackupInfo: {
            prePostProcessSettings: {},
            exportSettings: {
              backupMetadataFolder: dr.backupMetadataFolder, numberOfMetadata: dr.numberOfMetadata, isUseVSS: dr.isUseVSS,
              uploadBackupMetadataToCloud: dr.uploadBackupMetadataToCloud, cloudLibrary: {},
              storagePolicy: { storagePolicyName: dr.storagePolicyName },
            },
          },
          errorCode: 0,
        },
        'DM2ContentIndexing_DRBackupPropertiesResp',
      );
    },
  },
];

/**
 * `GET /V4/AnomalousConditions?fromTime=<unix>` → the conditions from then on, newest first. V4: every
 * company user sees only their own clients' conditions; the CommServe's own are an admin's.
 */
function anomalousConditions(req: ApiRequest, ctx: SimContext): ApiResult {
  const fromTime = req.query.int('fromTime') ?? 0;
  const scope = req.scope as Scope;
  const companyOf = new Map(ctx.data.clients.map((c) => [c.clientId, c.companyId]));
  const visible = ctx.data.healthConditions.filter((c) => c.time >= fromTime && scope.company(companyOf.get(c.clientId) ?? -1));
  return ok(
    {
      anomalousConditions: [...visible].reverse().map((c) => ({
        time: c.time, clientInfo: { id: c.clientId, name: c.clientName }, description: c.description, anomalyType: c.anomalyType,
      })),
    },
    'CvEntities_AnomalousConditionsResp',
  );
}

/** `POST /CommCell/ActivityControl/{activityType}/Action/{Enable|Disable}`, no body → `{errorCode: 0, errorMessage: ""}`. */
function setActivity(req: ApiRequest, ctx: SimContext, enable: boolean): ApiResult {
  const refuse = (message: string): ApiResult => ok(genericError(2, message), 'CvEntities_GenericResp');
  if (!(req.scope as Scope).isAdmin) return refuse('User does not have the capability to change CommCell activity control.');
  const state = ctx.data.activityControl.find((a) => String(a.activityType) === req.params.id);
  if (!state) return refuse(`Invalid activity type [${req.params.id}].`);
  state.enabled = enable;
  state.reEnableTime = 0;
  return ok(genericError(0, ''), 'CvEntities_GenericResp');
}
