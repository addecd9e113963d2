import type { DashboardHealthQuery } from '../../src/generated/operations/graphql.js';
import { h } from '../dom.js';
import { Section } from '../section.js';

type Report = DashboardHealthQuery['healthReport'];
type Check = Report['checks'][number];

/** The figure as the area counts it (docs/schema.md "healthReport"); a dash when it could not be read. */
function figureText(check: Check): string {
  if (check.figure === null || check.figure === undefined) return '–';
  return Number.isInteger(check.figure) ? String(check.figure) : check.figure.toFixed(1);
}

function row(check: Check): HTMLTableRowElement {
  return h(
    'tr',
    { 'data-check': `${check.upstream.id}/${check.area}` },
    h('th', { scope: 'row', 'data-field': 'upstream' }, check.upstream.id),
    h('td', { 'data-field': 'area' }, check.area),
    h('td', { 'data-field': 'status' }, h('span', { class: `badge severity-${check.status.toLowerCase()}` }, check.status)),
    h('td', { class: 'n', 'data-field': 'figure' }, figureText(check)),
    h('td', { 'data-field': 'message', class: 'message' }, check.message),
  );
}

/** The health report's checks, in the graph's order (by upstream, then area), with the worst status first in the summary. */
export function renderHealth(section: Section, report: Report, errors: string[]): void {
  const notOk = report.checks.filter((c) => c.status !== 'OK').length;
  const headers = ['Upstream', 'Area', 'Status', 'Figure', 'What it says'];
  const table = h(
    'table',
    { class: 'health' },
    h('thead', {}, h('tr', {}, ...headers.map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, ...report.checks.map(row)),
  );
  const status = h('span', { class: `badge severity-${report.status.toLowerCase()}`, 'data-field': 'overall' }, report.status);
  section.show(h('span', {}, 'Overall ', status, ` — ${report.checks.length} checks, ${notOk} not OK.`), table, errors);
}
