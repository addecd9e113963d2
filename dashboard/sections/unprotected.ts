import type { DashboardEstateQuery } from '../../src/generated/operations/graphql.js';
import { h } from '../dom.js';
import { formatTime } from '../format.js';
import { Section } from '../section.js';

type Unprotected = DashboardEstateQuery['unprotectedWorkloads'][number];

/** Rows shown; the rest are counted (the graph's order: by upstream, then name). */
export const UNPROTECTED_ROWS = 25;

const GAP_TEXT: Record<Unprotected['gap'], string> = {
  BACKUPS_FAILING: 'backups failing',
  NO_BACKUPS: 'no backups',
};

function row(u: Unprotected): HTMLTableRowElement {
  return h(
    'tr',
    { 'data-workload': u.workload.id },
    h('th', { scope: 'row', 'data-field': 'name' }, u.workload.name),
    h('td', { 'data-field': 'upstream' }, u.workload.upstream.id),
    h('td', { 'data-field': 'gap' }, GAP_TEXT[u.gap]),
    h('td', { class: 'n', 'data-field': 'failedBackupCount' }, u.failedBackupCount),
    h('td', { 'data-field': 'lastSuccessfulBackupAt' }, formatTime(u.lastSuccessfulBackupAt)),
    h('td', { 'data-field': 'lastJobStatus' }, u.lastJobStatus ?? '–'),
  );
}

/** Workloads with no successful backup in the window, the first UNPROTECTED_ROWS of them. */
export function renderUnprotected(section: Section, workloads: readonly Unprotected[], days: number, errors: string[]): void {
  const headers = ['Workload', 'Upstream', 'Gap', 'Failed', 'Last success (UTC)', 'Last job'];
  const table = h(
    'table',
    { class: 'unprotected' },
    h('thead', {}, h('tr', {}, ...headers.map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, ...workloads.slice(0, UNPROTECTED_ROWS).map(row)),
  );
  const more = workloads.length > UNPROTECTED_ROWS ? h('p', { class: 'more' }, `and ${workloads.length - UNPROTECTED_ROWS} more`) : null;
  const failing = workloads.filter((u) => u.gap === 'BACKUPS_FAILING').length;
  section.show(
    `${workloads.length} workloads without a successful backup in ${days} days (${failing} with failing backups).`,
    h('div', {}, table, more),
    errors,
  );
}
