import type { Prng } from '../../common/prng.js';
import type { CommServInfo, Company, SimUser } from './types.js';

/** The default company is `Commcell` with id 0, as Commvault reports objects no tenant owns. */
export const COMMCELL_COMPANY_ID = 0;

export function makeCompanies(): Company[] {
  return [
    { companyId: COMMCELL_COMPANY_ID, companyName: 'Commcell', domain: 'corp.example.com' },
    { companyId: 1, companyName: 'Acme', domain: 'acme.example' },
    { companyId: 2, companyName: 'Globex', domain: 'globex.example' },
  ];
}

/** Passwords equal user names: the simulator is a test fixture, not a vault. */
export function makeUsers(random: Prng): SimUser[] {
  return [
    { userId: 1, userName: 'admin', password: 'admin', companyId: null, userGUID: random.guid(), email: 'admin@corp.example.com' },
    { userId: 5, userName: 'acme', password: 'acme', companyId: 1, userGUID: random.guid(), email: 'backup-admin@acme.example' },
    { userId: 6, userName: 'globex', password: 'globex', companyId: 2, userGUID: random.guid(), email: 'backup-admin@globex.example' },
    // Commvault Cloud's MSP service account: a user of the provider's own company that reaches its tenants.
    { userId: 7, userName: 'msp-service', password: 'msp-service', companyId: COMMCELL_COMPANY_ID, operatesCompanyIds: [1, 2], userGUID: random.guid(), email: 'api@msp.example' },
  ];
}

export function makeCommServ(random: Prng): CommServInfo {
  return {
    commCellId: 2,
    commCellName: 'cs01',
    csGUID: random.guid(),
    hostName: 'cs01.corp.example.com',
    clientId: 2,
    csVersionInfo: '11.32.45',
    currentSPVersion: 32,
    releaseName: '11.32',
    timeZoneName: '(UTC-05:00) Eastern Time (US & Canada)',
    timeZone: '0:-300:Eastern Standard Time',
    ianaTimeZone: 'America/New_York',
    licence: {
      edition: 'Commvault',
      mode: 'PRODUCTION',
      serialNumber: 'CV-SN-48213',
      registrationCode: 'RC-7Q2K-9XHT-44LM',
      ipAddress: '10.20.0.5',
      oemName: 'Commvault',
      // 1 January 2028, fixed so the licence never expires under a test.
      expiryDate: 1830297600,
    },
    drBackup: {
      backupMetadataFolder: 'E:\\DR',
      numberOfMetadata: 5,
      isUseVSS: true,
      uploadBackupMetadataToCloud: true,
      storagePolicyName: 'CommServeDR',
    },
  };
}
