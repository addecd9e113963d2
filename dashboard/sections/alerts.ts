import type { DashboardAlertsQuery } from '../../src/generated/operations/graphql.js';
import { h } from '../dom.js';
import { formatTime } from '../format.js';
import { Section } from '../section.js';

type Alerts = DashboardAlertsQuery['alerts'];
type Alert = Alerts['edges'][number]['node'];

function row(a: Alert): HTMLTableRowElement {
  return h(
    'tr',
    { 'data-alert': a.id },
    h('td', { 'data-field': 'severity' }, h('span', { class: `badge severity-${a.severity.toLowerCase()}` }, a.severity)),
    h('td', { 'data-field': 'rule' }, a.rule),
    h('td', { 'data-field': 'upstream' }, a.upstream.id),
    h('td', { 'data-field': 'message', class: 'message' }, a.message),
    h('td', { 'data-field': 'raisedAt' }, formatTime(a.raisedAt)),
  );
}

/** The open alerts, newest raised first, as the graph orders them. */
export function renderAlerts(section: Section, alerts: Alerts, errors: string[]): void {
  const headers = ['Severity', 'Rule', 'Upstream', 'Message', 'Raised'];
  const table = h(
    'table',
    { class: 'alerts' },
    h('thead', {}, h('tr', {}, ...headers.map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, ...alerts.edges.map((e) => row(e.node))),
  );
  const shown = alerts.edges.length;
  section.show(`${alerts.totalCount ?? shown} open alerts${shown < (alerts.totalCount ?? 0) ? `, newest ${shown} shown` : ''}.`, table, errors);
}
