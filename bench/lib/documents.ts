import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The dashboard query exactly as the frontend sends it (operations/DashboardJobs.graphql): the
 * benchmarks measure the documented operation, not a hand-trimmed one.
 */
export const DASHBOARD_JOBS: string = readFileSync(
  fileURLToPath(new URL('../../operations/DashboardJobs.graphql', import.meta.url)),
  'utf8',
);
