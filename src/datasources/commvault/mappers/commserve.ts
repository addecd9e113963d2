import type {
  CvActivity,
  CvActivityControl,
  CvCommServe,
  CvDrBackupSettings,
  CvHealthCondition,
  CvHealthConditionType,
  CvLicence,
  CvLicenceMode,
  CvRegistration,
} from '../commserve-model.js';
import type { UpstreamRef } from '../../record.js';
import { bool, field, int, list, num, path, str, unixSeconds } from './read.js';

/**
 * The CommServe's own reads (docs/upstreams/commvault.md §11). Each tolerates a missing key with null,
 * never a guess; an answer without its identity (`commcell.commCellId`) maps to null.
 */

/** `GET /CommServ` → `{commcell: {commCellId, commCellName, csGUID}, hostName, csTimeZone, timeZone, currentSPVersion, csVersionInfo, releaseName}`. */
export function toCommServe(body: unknown, upstream: UpstreamRef): CvCommServe | null {
  const commcell = field(body, 'commcell');
  const commCellId = int(field(commcell, 'commCellId'));
  if (commCellId === null) return null;
  return {
    __typename: 'CommServe',
    upstream,
    commCellId,
    name: str(field(commcell, 'commCellName')) ?? String(commCellId),
    guid: str(field(commcell, 'csGUID')),
    hostName: str(field(body, 'hostName')),
    version: str(field(body, 'csVersionInfo')),
    servicePack: int(field(body, 'currentSPVersion')),
    release: str(field(body, 'releaseName')),
    timeZone: str(path(body, 'csTimeZone', 'TimeZoneName')) ?? timeZoneName(str(field(body, 'timeZone'))),
  };
}

/**
 * cvpysdk's reading of `timeZone` (`0:-300:Eastern Standard Time`): the `(UTC…)` part when there is one,
 * otherwise the text after the numeric `n:n:` prefix.
 */
function timeZoneName(raw: string | null): string | null {
  if (raw === null) return null;
  const utc = /\(UTC[^)]*\)/.exec(raw);
  if (utc) return utc[0];
  return raw.replace(/^([+-]*\d*:)*/, '').trim() || null;
}

const LICENCE_MODES: ReadonlySet<string> = new Set(['EVALUATION', 'PRODUCTION', 'DR_PRODUCTION']);

/** `GET /V4/License` → `{commCellId, commServeIPAddress, licenseIPAddress, edition, licenseMode, serialNumber, registrationCode, expiryDate}` (expiry in Unix seconds). */
export function toLicence(body: unknown): CvLicence {
  const modeText = str(field(body, 'licenseMode'));
  const mode = modeText === null ? null : LICENCE_MODES.has(modeText.toUpperCase()) ? (modeText.toUpperCase() as CvLicenceMode) : 'OTHER';
  return {
    commCellId: int(field(body, 'commCellId')),
    edition: str(field(body, 'edition')),
    mode,
    modeText,
    serialNumber: str(field(body, 'serialNumber')),
    registrationCode: str(field(body, 'registrationCode')),
    commServeIpAddress: str(field(body, 'commServeIPAddress')),
    licenceIpAddress: str(field(body, 'licenseIPAddress')),
    expiresAt: unixSeconds(field(body, 'expiryDate')),
  };
}

/** `GET /CommcellRegistrationInformation` → a flat object; `licenseMode` and `expiryDate` of unfixed type are kept as text too. */
export function toRegistration(body: unknown): CvRegistration {
  const commCellId = int(field(body, 'commcellId'));
  const expiry = field(body, 'expiryDate');
  const expiryNumber = num(expiry);
  return {
    commCellId,
    // cvpysdk shows the id in hex, -1 as FFFFF.
    commCellIdHex: commCellId === null ? null : commCellId === -1 ? 'FFFFF' : commCellId.toString(16).toUpperCase(),
    commServeHost: str(field(body, 'csHostNameOrAddress')),
    licenceIpAddress: str(field(body, 'licenseIpAddress')),
    oemName: str(field(body, 'oemName')),
    registrationCode: str(field(body, 'regCode')),
    serialNumber: str(field(body, 'serialNo')),
    licenceMode: str(field(body, 'licenseMode')),
    expiresAt: expiryNumber === null ? null : unixSeconds(expiryNumber),
    expiryText: str(expiry),
  };
}

const CONDITION_TYPES: Readonly<Record<string, CvHealthConditionType>> = {
  highcpuusage: 'HIGH_CPU_USAGE',
  highmemoryusage: 'HIGH_MEMORY_USAGE',
  offlineclient: 'OFFLINE_CLIENT',
  anomalousruntime: 'ANOMALOUS_RUNTIME',
  anomalousevent: 'ANOMALOUS_EVENT',
};

/** `anomalyType` (`"High CPU usage"`, with spaces) → the enum; spacing, case and `_` do not matter. */
export function conditionType(text: string | null): CvHealthConditionType {
  return (text && CONDITION_TYPES[text.toLowerCase().replace(/[\s_-]+/g, '')]) || 'OTHER';
}

/** `GET /V4/AnomalousConditions` → `{anomalousConditions: [{time, clientInfo: {id, name}, description, anomalyType}]}`, newest first. */
export function toHealthConditions(body: unknown): CvHealthCondition[] {
  const out = list(field(body, 'anomalousConditions')).map((c): CvHealthCondition => {
    const typeText = str(field(c, 'anomalyType'));
    const clientInfo = field(c, 'clientInfo');
    return {
      at: unixSeconds(field(c, 'time')),
      type: conditionType(typeText),
      typeText,
      description: str(field(c, 'description')),
      clientId: int(field(clientInfo, 'id')),
      clientName: str(field(clientInfo, 'name')),
    };
  });
  return out.sort((a, b) => (b.at?.getTime() ?? 0) - (a.at?.getTime() ?? 0));
}

/** `activityType` codes (cvpysdk activitycontrol.py). */
export const ACTIVITY_CODES: Readonly<Record<Exclude<CvActivity, 'OTHER'>, number>> = {
  ALL: 128,
  BACKUP: 1,
  RESTORE: 2,
  AUX_COPY: 4,
  DATA_AGING: 16,
  SCHEDULER: 256,
  DDB: 512,
  OFFLINE_CONTENT_INDEXING: 1024,
  DATA_VERIFICATION: 8192,
};

const ACTIVITY_OF_CODE: ReadonlyMap<number, CvActivity> = new Map(
  Object.entries(ACTIVITY_CODES).map(([activity, code]) => [code, activity as CvActivity]),
);

export const activityOfCode = (code: number): CvActivity => ACTIVITY_OF_CODE.get(code) ?? 'OTHER';

/**
 * `GET /V4/CommCell/ActivityControl` → `{acObjects: [{activityType, enabled, reEnableTime, …}]}`.
 * `activityType` may come as a numeric string (cvpysdk `int()`s it); `reEnableTime` is read as Unix
 * seconds, 0 meaning none. Ordered by code, as the upstream's order is not promised.
 */
export function toCommCellActivityControl(body: unknown): CvActivityControl[] {
  const out: CvActivityControl[] = [];
  for (const item of list(field(body, 'acObjects'))) {
    const code = int(field(item, 'activityType'));
    if (code === null) continue;
    const enabled = bool(field(item, 'enabled')) ?? true;
    out.push({ activity: activityOfCode(code), code, enabled, reEnableAt: enabled ? null : unixSeconds(field(item, 'reEnableTime')) });
  }
  return out.sort((a, b) => a.code - b.code);
}

/**
 * A client's `clientProps.clientActivityControl.activityControlOptions` → `[{activityType, enableActivityType,
 * enableAfterADelay, dateTime?}]` (types 1, 2 and 16). A delayed re-enable names its time in `dateTime.time`
 * (Unix seconds) where given.
 */
export function toClientActivityControl(options: unknown): CvActivityControl[] {
  const out: CvActivityControl[] = [];
  for (const item of list(options)) {
    const code = int(field(item, 'activityType'));
    if (code === null) continue;
    const enabled = bool(field(item, 'enableActivityType')) ?? true;
    const delayed = bool(field(item, 'enableAfterADelay')) === true;
    out.push({ activity: activityOfCode(code), code, enabled, reEnableAt: !enabled && delayed ? unixSeconds(path(item, 'dateTime', 'time')) : null });
  }
  return out.sort((a, b) => a.code - b.code);
}

/** `GET /Client/{id}` → `clientProperties[0].clientProps.clientActivityControl.activityControlOptions`; null when the client is not in the answer. */
export function toClientActivityOf(body: unknown, clientId: number): CvActivityControl[] | null {
  const props = list(field(body, 'clientProperties')).find((p) => int(path(p, 'client', 'clientEntity', 'clientId')) === clientId);
  if (props === undefined) return null;
  return toClientActivityControl(path(props, 'clientProps', 'clientActivityControl', 'activityControlOptions'));
}

/** The activities a client's own activity control holds (cvpysdk: data management, data recovery, data aging). */
export const CLIENT_ACTIVITY_CODES: ReadonlySet<number> = new Set([ACTIVITY_CODES.BACKUP, ACTIVITY_CODES.RESTORE, ACTIVITY_CODES.DATA_AGING]);

/** `POST /Client/{id}` body that enables or disables one activity of the client now (no delay). */
export function clientActivityBody(clientName: string, code: number, enable: boolean): Record<string, unknown> {
  return {
    association: { entity: [{ clientName }] },
    clientProperties: {
      clientProps: { clientActivityControl: { activityControlOptions: [{ activityType: code, enableAfterADelay: false, enableActivityType: enable }] } },
    },
  };
}

/** `GET /Commcell/DRBackup/Properties` → `{drBackupInfo: {exportSettings: {backupMetadataFolder, numberOfMetadata, isUseVSS, uploadBackupMetadataToCloud, cloudLibrary, storagePolicy}}}`. */
export function toDrBackupSettings(body: unknown, upstream: UpstreamRef): CvDrBackupSettings {
  const exportSettings = path(body, 'drBackupInfo', 'exportSettings');
  return {
    upstream,
    metadataFolder: str(field(exportSettings, 'backupMetadataFolder')),
    copiesKept: int(field(exportSettings, 'numberOfMetadata')),
    useVss: bool(field(exportSettings, 'isUseVSS')),
    uploadToCloud: bool(field(exportSettings, 'uploadBackupMetadataToCloud')),
    cloudLibraryName: str(field(field(exportSettings, 'cloudLibrary'), 'libraryName', 'name')),
    storagePolicyName: str(field(field(exportSettings, 'storagePolicy'), 'storagePolicyName', 'name')),
  };
}
