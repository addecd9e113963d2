/**
 * Scenario 6's documents: a console page as a Backup and DR screen would ask for it. No `sort`
 * argument: the gateway's default orders (newest start first for jobs, id for the rest) are what the
 * screens use, and they cost no OPTIONS check.
 */

/** Failed and canceled jobs of a time window, with the objects the row shows (application, host, SLA). */
export const CONSOLE_JOBS = /* GraphQL */ `
  query ConsoleJobs($upstream: ID!, $first: Int, $filter: BackupDrJobFilter) {
    backupDr(upstream: $upstream) {
      jobs(first: $first, filter: $filter) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { id status statusText startedAt jobType application { name } host { name } sla { id } } }
      }
    }
  }
`;

/** Applications by keyword and a name fragment, with their host. */
export const CONSOLE_APPS = /* GraphQL */ `
  query ConsoleApps($upstream: ID!, $first: Int, $filter: BackupDrApplicationFilter) {
    backupDr(upstream: $upstream) {
      applications(first: $first, filter: $filter) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { id name appType managed host { name } } }
      }
    }
  }
`;

/** The same document without `totalCount`: what the field costs is the difference. */
export function withoutTotalCount(document: string): string {
  const out = document.replace(/^\s*totalCount\n/m, '');
  if (out === document) throw new Error('document selects no totalCount');
  return out;
}
