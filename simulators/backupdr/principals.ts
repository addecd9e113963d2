import { ALL_RIGHTS, ORG_ADMIN_RIGHTS, READ_ONLY_RIGHTS, SERVICE_ACCOUNTS } from './data/security.js';

/**
 * Who a bearer token stands for. The real console learns this from Google IAM plus its own user, role
 * and organization records; the simulator takes it from this list (option `principals`).
 */
export interface Principal {
  /** The bearer token (`Authorization: Bearer <token>`). */
  token: string;
  /** The console user the session shows (`session.user.name`); matched against the dataset's users. */
  user: string;
  /** Organization names whose resources the caller sees, or 'all'. */
  organizations: 'all' | readonly string[];
  /** Right names (see data/security.ts RIGHTS); a caller without any gets 403 on everything but /session. */
  rights: readonly string[];
  /**
   * The caller's IAM ManageInternalACL permission: `PUT /manageacl/promoteUser` then makes its session a
   * console administrator for 5 minutes (docs/upstreams/backupdr.md §2.8). @default false
   */
  manageInternalAcl?: boolean;
}

export const DEFAULT_PRINCIPALS: readonly Principal[] = [
  { token: 'admin-token', user: SERVICE_ACCOUNTS.admin, organizations: 'all', rights: ALL_RIGHTS },
  { token: 'org-a-token', user: SERVICE_ACCOUNTS.orgA, organizations: ['OrgA'], rights: ORG_ADMIN_RIGHTS },
  { token: 'org-b-token', user: SERVICE_ACCOUNTS.orgB, organizations: ['OrgB'], rights: ORG_ADMIN_RIGHTS },
  { token: 'readonly-token', user: SERVICE_ACCOUNTS.readonly, organizations: 'all', rights: READ_ONLY_RIGHTS },
  // docs/upstreams/backupdr.md §2.7: "Connected but commands fail" — the account has no console role yet.
  { token: 'norole-token', user: SERVICE_ACCOUNTS.norole, organizations: 'all', rights: [] },
];
