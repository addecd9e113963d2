import type { DashboardEstateQuery, DashboardUpstreamOutcomesQuery } from '../../src/generated/operations/graphql.js';
import { h, svg } from '../dom.js';
import { formatPercent, formatTime } from '../format.js';
import { Section } from '../section.js';

type Summary = DashboardUpstreamOutcomesQuery['jobStatusSummary'];
export type Upstream = DashboardEstateQuery['upstreams'][number];
/** One upstream's answer: its summary, or why it has none. */
export type UpstreamOutcome = { upstream: Upstream; summary: Summary | null; errors: string[] };

/** Stacking order and class of each part of a bar; `other` is what has neither an outcome nor an active state. */
const PARTS = [
  { key: 'success', label: 'succeeded' },
  { key: 'failed', label: 'failed' },
  { key: 'active', label: 'active' },
  { key: 'other', label: 'other' },
] as const;

const CHART = { width: 760, row: 26, bar: 16, label: 130, total: 70 };

function parts(s: Summary): Record<(typeof PARTS)[number]['key'], number> {
  return { success: s.successCount, failed: s.failedCount, active: s.activeCount, other: s.total - s.successCount - s.failedCount - s.activeCount };
}

/** Counted: the upstream answered and its product summarises jobs (a console may not: then it is not 0 jobs). */
const counted = (o: UpstreamOutcome): o is UpstreamOutcome & { summary: Summary } =>
  o.summary !== null && o.summary.upstreams.some((u) => u.id === o.upstream.id);

function whyNot(o: UpstreamOutcome): string {
  return o.errors.length > 0 ? 'no answer' : 'not counted (no job summary for this product)';
}

/** Stacked bars, one per upstream, scaled to the busiest one so bars compare volumes as well as shares. */
function chart(outcomes: readonly UpstreamOutcome[]): SVGSVGElement {
  const scale = Math.max(0, ...outcomes.map((o) => (counted(o) ? o.summary.total : 0)));
  const barWidth = CHART.width - CHART.label - CHART.total;
  const height = outcomes.length * CHART.row;
  const figure = svg('svg', { class: 'chart', width: '100%', viewBox: `0 0 ${CHART.width} ${height}`, 'aria-hidden': 'true' });
  outcomes.forEach((o, i) => {
    const y = i * CHART.row;
    const middle = y + CHART.row / 2;
    figure.append(svg('text', { x: 0, y: middle, 'dominant-baseline': 'middle' }, o.upstream.id));
    if (!counted(o)) {
      figure.append(svg('text', { x: CHART.label, y: middle, 'dominant-baseline': 'middle', class: 'muted' }, whyNot(o)));
      return;
    }
    const counts = parts(o.summary);
    let x = CHART.label;
    for (const p of PARTS) {
      const width = scale === 0 ? 0 : (counts[p.key] / scale) * barWidth;
      if (width > 0) figure.append(svg('rect', { class: `part-${p.key}`, x, y: middle - CHART.bar / 2, width, height: CHART.bar }, svg('title', {}, `${o.upstream.id}: ${counts[p.key]} ${p.label}`)));
      x += width;
    }
    figure.append(svg('text', { x: CHART.width, y: middle, 'dominant-baseline': 'middle', 'text-anchor': 'end' }, o.summary.total));
  });
  return figure;
}

function legend(): HTMLElement {
  return h(
    'ul',
    { class: 'legend', 'aria-hidden': 'true' },
    ...PARTS.map((p) => h('li', {}, svg('svg', { width: 12, height: 12 }, svg('rect', { class: `part-${p.key}`, width: 12, height: 12 })), ` ${p.label}`)),
  );
}

const numberCell = (value: number | string, field: string) => h('td', { class: 'n', 'data-field': field }, value);

function countCells(s: { total: number; successCount: number; failedCount: number; activeCount: number; successPercent?: number | null }): HTMLElement[] {
  return [
    numberCell(s.total, 'total'),
    numberCell(s.successCount, 'success'),
    numberCell(s.failedCount, 'failed'),
    numberCell(s.activeCount, 'active'),
    numberCell(formatPercent(s.successPercent), 'successPercent'),
  ];
}

function row(o: UpstreamOutcome): HTMLTableRowElement {
  const cells = counted(o) ? countCells(o.summary) : [h('td', { colspan: 5, class: 'muted', 'data-field': 'total' }, whyNot(o))];
  return h('tr', { 'data-upstream': o.upstream.id }, h('th', { scope: 'row' }, o.upstream.id), h('td', {}, o.upstream.kind), ...cells);
}

/** Job outcomes per upstream over the window: the chart, then the same numbers as a table (for reading and for assistive technology). */
export function renderOutcomes(section: Section, outcomes: readonly UpstreamOutcome[], estate: DashboardEstateQuery['jobStatusSummary']): void {
  const headers = ['Upstream', 'Kind', 'Jobs', 'Succeeded', 'Failed', 'Active', 'Success rate'];
  const table = h(
    'table',
    { class: 'outcomes' },
    h('thead', {}, h('tr', {}, ...headers.map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, ...outcomes.map(row)),
    h('tfoot', {}, h('tr', { 'data-upstream': '*' }, h('th', { scope: 'row', colspan: 2 }, 'All upstreams'), ...countCells(estate))),
  );
  const errors = outcomes.flatMap((o) => o.errors.map((e) => `${o.upstream.id}: ${e}`));
  const window = h('span', { 'data-since': estate.since, 'data-until': estate.until }, `${formatTime(estate.since)} to ${formatTime(estate.until)} UTC`);
  section.show(
    h('span', {}, 'Jobs started from ', window, `: ${estate.total}, ${estate.failedCount} failed, success rate ${formatPercent(estate.successPercent)}.`),
    h('div', {}, legend(), chart(outcomes), table),
    errors,
  );
}
