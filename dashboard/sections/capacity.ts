import type { DashboardCapacityQuery } from '../../src/generated/operations/graphql.js';
import { h, svg } from '../dom.js';
import { formatBytes, formatPercent } from '../format.js';
import { Section } from '../section.js';

type Target = DashboardCapacityQuery['storagePools'][number];

const SEVERITY_ORDER = ['CRITICAL', 'WARNING', 'OK'];
const BAR_WIDTH = 120;
const BAR_HEIGHT = 14;

/** What needs attention first: CRITICAL, WARNING, OK, unknown capacity; then least free first. */
export function byUrgency(a: Target, b: Target): number {
  const rank = (t: Target) => (t.severity ? SEVERITY_ORDER.indexOf(t.severity) : SEVERITY_ORDER.length);
  return rank(a) - rank(b) || (a.freePercent ?? 101) - (b.freePercent ?? 101) || a.name.localeCompare(b.name);
}

/** Used share as a bar in the severity's colour; the severity is also written out (colour is never the only cue). */
function usedBar(t: Target): SVGSVGElement | string {
  if (t.freePercent === null || t.freePercent === undefined) return 'capacity unknown';
  const used = 100 - t.freePercent;
  return svg(
    'svg',
    { width: BAR_WIDTH, height: BAR_HEIGHT, viewBox: `0 0 ${BAR_WIDTH} ${BAR_HEIGHT}`, role: 'img', 'aria-label': `${formatPercent(used)} used` },
    svg('rect', { class: 'track', width: BAR_WIDTH, height: BAR_HEIGHT }),
    svg('rect', { class: `severity-${(t.severity ?? 'unknown').toLowerCase()}`, width: (used / 100) * BAR_WIDTH, height: BAR_HEIGHT }),
  );
}

function row(t: Target): HTMLTableRowElement {
  const severity = t.severity ?? 'UNKNOWN';
  return h(
    'tr',
    { 'data-target': t.id },
    h('th', { scope: 'row', 'data-field': 'name' }, t.name),
    h('td', { 'data-field': 'upstream' }, t.upstream.id),
    h('td', { 'data-field': 'severity' }, h('span', { class: `badge severity-${severity.toLowerCase()}` }, severity)),
    h('td', {}, usedBar(t)),
    h('td', { class: 'n', 'data-field': 'freePercent' }, formatPercent(t.freePercent)),
    h(
      'td',
      { class: 'n muted' },
      h('span', { 'data-field': 'freeBytes' }, formatBytes(t.freeBytes)),
      ' of ',
      h('span', { 'data-field': 'capacityBytes' }, formatBytes(t.capacityBytes)),
    ),
  );
}

/** Every storage target as a capacity bar, most urgent first. */
export function renderCapacity(section: Section, targets: readonly Target[], errors: string[]): void {
  const sorted = [...targets].sort(byUrgency);
  const count = (severity: string) => targets.filter((t) => t.severity === severity).length;
  const headers = ['Target', 'Upstream', 'Severity', 'Used', 'Free', 'Free of capacity'];
  const table = h(
    'table',
    { class: 'capacity' },
    h('thead', {}, h('tr', {}, ...headers.map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, ...sorted.map(row)),
  );
  section.show(`${targets.length} storage targets: ${count('CRITICAL')} critical, ${count('WARNING')} warning.`, table, errors);
}
