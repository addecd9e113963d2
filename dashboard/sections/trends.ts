import type { DashboardTrendsQuery } from '../../src/generated/operations/graphql.js';
import { h, svg } from '../dom.js';
import { formatForecast } from '../format.js';
import { Section } from '../section.js';

type Target = DashboardTrendsQuery['storagePools'][number];

const WIDTH = 160;
const HEIGHT = 28;

/** The used share per day as a line from 0 % (bottom) to 100 % (top); days without figures are skipped. */
function sparkline(t: Target): SVGSVGElement | string {
  const points = t.history.flatMap((s) => (s.usedBytes === null || s.usedBytes === undefined || !s.capacityBytes ? [] : [s.usedBytes / s.capacityBytes]));
  if (points.length < 2) return 'no trend yet';
  const step = WIDTH / (points.length - 1);
  const path = points.map((share, i) => `${(i * step).toFixed(1)},${(HEIGHT - share * HEIGHT).toFixed(1)}`).join(' ');
  const first = Math.round(points[0]! * 100);
  const last = Math.round(points.at(-1)! * 100);
  return svg(
    'svg',
    { width: WIDTH, height: HEIGHT, viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': `used ${first} % to ${last} % over ${points.length} days` },
    svg('rect', { class: 'track', width: WIDTH, height: HEIGHT }),
    svg('polyline', { class: 'trend', points: path, fill: 'none' }),
  );
}

function row(t: Target): HTMLTableRowElement {
  return h(
    'tr',
    { 'data-target': t.id },
    h('th', { scope: 'row', 'data-field': 'name' }, t.name),
    h('td', { 'data-field': 'upstream' }, t.upstream.id),
    h('td', {}, sparkline(t)),
    h('td', { class: 'n', 'data-field': 'days' }, String(t.history.length)),
    h('td', { 'data-field': 'forecast' }, formatForecast(t.forecast.kind, t.forecast.daysUntilFull)),
  );
}

/** Each storage target's daily used share over the window and its forecast, the soonest full first. */
export function renderTrends(section: Section, targets: readonly Target[], errors: string[]): void {
  const soonest = (t: Target) => (t.forecast.kind === 'FULL_IN' ? (t.forecast.daysUntilFull ?? 0) : Number.POSITIVE_INFINITY);
  const sorted = [...targets].sort((a, b) => soonest(a) - soonest(b) || a.name.localeCompare(b.name));
  const filling = targets.filter((t) => t.forecast.kind === 'FULL_IN').length;
  const headers = ['Target', 'Upstream', 'Used, daily', 'Days', 'Forecast'];
  const table = h(
    'table',
    { class: 'trends' },
    h('thead', {}, h('tr', {}, ...headers.map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, ...sorted.map(row)),
  );
  section.show(`${targets.length} storage targets, ${filling} forecast to fill.`, table, errors);
}
