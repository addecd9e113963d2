import type { Prng } from '../../common/prng.js';
import { IdAllocator, MICROS_PER_DAY } from './ids.js';
import type { Organization, Right, Role, User } from './types.js';

/** Fixed organization names; principals refer to them by name so a config survives a seed change. */
export const ORG_NAMES = ['OrgA', 'OrgB', 'OrgC'] as const;

/** Right names as the console spells them (`Access Application Manager`: docs/upstreams/backupdr.md §2.2). */
export const RIGHTS = {
  access: 'Access Application Manager',
  systemView: 'System View',
  slaView: 'SLA View',
  applicationManage: 'Application Manage',
  backupManage: 'Backup Manage',
  slaManage: 'SLA Manage',
  hostManage: 'Host Manage',
  storageManage: 'Storage Manage',
  securityView: 'Security View',
  securityManage: 'Security Manage',
  systemManage: 'System Manage',
} as const;

export const ALL_RIGHTS: readonly string[] = Object.values(RIGHTS);
export const READ_ONLY_RIGHTS: readonly string[] = [RIGHTS.access, RIGHTS.systemView, RIGHTS.slaView];
export const ORG_ADMIN_RIGHTS: readonly string[] = ALL_RIGHTS.filter((r) => r !== RIGHTS.securityManage && r !== RIGHTS.systemManage);

export interface Security {
  organizations: Organization[];
  rights: Right[];
  roles: Role[];
  users: User[];
}

/** The service accounts the default principals map to (see `principals.ts`). */
export const SERVICE_ACCOUNTS = {
  admin: 'admin@backupdr-demo.iam.gserviceaccount.com',
  orgA: 'orga-operator@backupdr-demo.iam.gserviceaccount.com',
  orgB: 'orgb-operator@backupdr-demo.iam.gserviceaccount.com',
  readonly: 'readonly@backupdr-demo.iam.gserviceaccount.com',
  norole: 'norole@backupdr-demo.iam.gserviceaccount.com',
} as const;

const PEOPLE: readonly (readonly [string, string])[] = [
  ['Ana', 'Silva'], ['Bram', 'de Vries'], ['Chen', 'Wei'], ['Dara', 'Okafor'], ['Elif', 'Yilmaz'],
  ['Femi', 'Adeyemi'], ['Greta', 'Lind'], ['Hiro', 'Tanaka'], ['Ines', 'Moreau'], ['Jonas', 'Berg'],
];

export function makeSecurity(random: Prng, ids: IdAllocator, nowUs: number): Security {
  const day = (n: number): number => nowUs - n * MICROS_PER_DAY - random.int(0, 86_399) * 1_000_000;
  const organizations: Organization[] = ORG_NAMES.map((name, i) => {
    const createdate = day(400 - i * 30);
    return { id: ids.next(), name, description: `Organization ${name.slice(3)} workloads`, version: String(random.int(1, 9)), createdate, modifydate: createdate + random.int(1, 60) * MICROS_PER_DAY };
  });
  const rights: Right[] = ALL_RIGHTS.map((name) => ({ id: name, name }));
  const role = (name: string, description: string, list: readonly string[]): Role => {
    const createdate = day(random.int(300, 500));
    return { id: ids.next(), name, description, createdate, modifydate: createdate, rights: [...list] };
  };
  const roles: Role[] = [
    role('Administrator', 'Built-in administrator role', ALL_RIGHTS),
    role('Org Admin', 'Manages the workloads of its organizations', ORG_ADMIN_RIGHTS),
    role('Backup Operator', 'Runs and watches backups', [...READ_ONLY_RIGHTS, RIGHTS.backupManage]),
    role('Read Only', 'Can look, cannot touch', READ_ONLY_RIGHTS),
  ];
  const [adminRole, orgAdminRole, operatorRole, readOnlyRole] = roles;
  const [orgA, orgB, orgC] = organizations;
  const user = (name: string, first: string, last: string, roleIds: string[], orgIds: string[], localonly: boolean): User => {
    const createdate = day(random.int(30, 360));
    return {
      id: ids.next(),
      name,
      firstname: first,
      lastname: last,
      email: name.includes('@') ? name : `${name}@example.com`,
      comments: '',
      timezone: random.pick(['UTC', 'Europe/London', 'America/New_York', 'Asia/Singapore']),
      dataaccesslevel: roleIds.length === 0 ? 0 : 1,
      localonly,
      version: random.int(0, 4),
      createdate,
      modifydate: createdate + random.int(0, 20) * MICROS_PER_DAY,
      lastpasswordchangedate: createdate,
      roleIds,
      orgIds,
    };
  };
  const users: User[] = [
    user(SERVICE_ACCOUNTS.admin, 'Admin', 'Service', [adminRole.id], [], true),
    user(SERVICE_ACCOUNTS.orgA, 'OrgA', 'Operator', [orgAdminRole.id], [orgA.id], true),
    user(SERVICE_ACCOUNTS.orgB, 'OrgB', 'Operator', [orgAdminRole.id], [orgB.id], true),
    user(SERVICE_ACCOUNTS.readonly, 'Read', 'Only', [readOnlyRole.id], [], true),
    user(SERVICE_ACCOUNTS.norole, 'No', 'Role', [], [], true),
  ];
  PEOPLE.forEach(([first, last], i) => {
    const orgIds = [[orgA.id], [orgB.id], [orgC.id], [orgA.id, orgB.id], []][i % 5];
    const roleIds = [[operatorRole.id], [readOnlyRole.id], [orgAdminRole.id]][i % 3];
    users.push(user(`${first.toLowerCase()}.${last.toLowerCase().replace(/\s+/g, '')}@example.com`, first, last, roleIds, orgIds, false));
  });
  return { organizations, rights, roles, users };
}
