import type { ApolloClient } from '@apollo/client';
import type { Subscription } from 'rxjs';
import { JobProgressDocument, type DashboardJobsQuery, type JobProgressSubscription } from '../../src/generated/operations/graphql.js';
import { h, svg } from '../dom.js';
import { formatPercent, formatTime } from '../format.js';
import { errorMessages, Section } from '../section.js';

type Job = DashboardJobsQuery['jobs']['edges'][number]['node'];
type Progress = JobProgressSubscription['jobProgress'];

/**
 * Active jobs followed live: a handful, well under a connection's subscription limit. Listed by
 * `category: ACTIVE`, which the upstreams answer themselves (a `status` filter would make the gateway walk
 * the whole job window: 30 calls per CommServe instead of 2).
 */
export const LIVE_JOBS = 10;

const BAR_WIDTH = 160;
const BAR_HEIGHT = 12;

/** Percent done, whichever product reports it: Commvault's `percentComplete`, a console's `progress`. */
function percentOf(p: Progress): number | null {
  if ('percentComplete' in p && typeof p.percentComplete === 'number') return p.percentComplete;
  if ('progress' in p && typeof p.progress === 'number') return p.progress;
  return null;
}

function describe(job: Job): string {
  if ('jobId' in job && job.jobId !== undefined) return `${job.jobType ?? 'Job'} ${job.jobId}${job.client ? ` on ${job.client.name}` : ''}`;
  return job.jobType ?? 'Job';
}

/** One active job's row, updated in place by its subscription's events. */
class LiveRow {
  readonly element: HTMLTableRowElement;
  private readonly status: HTMLElement;
  private readonly percent: HTMLElement;
  private readonly done: SVGRectElement;
  private events = 0;

  constructor(job: Job) {
    this.status = h('td', { 'data-field': 'status' }, job.status);
    this.percent = h('td', { class: 'n', 'data-field': 'percent' }, '–');
    this.done = svg('rect', { class: 'part-active', width: 0, height: BAR_HEIGHT });
    const bar = svg('svg', { width: BAR_WIDTH, height: BAR_HEIGHT, viewBox: `0 0 ${BAR_WIDTH} ${BAR_HEIGHT}`, 'aria-hidden': 'true' }, svg('rect', { class: 'track', width: BAR_WIDTH, height: BAR_HEIGHT }), this.done);
    this.element = h(
      'tr',
      { 'data-job': job.id, 'data-events': 0 },
      h('th', { scope: 'row' }, describe(job)),
      h('td', { 'data-field': 'upstream' }, job.upstream.id),
      h('td', {}, job.startedAt ? formatTime(job.startedAt) : 'not started'),
      this.status,
      h('td', {}, bar),
      this.percent,
    );
  }

  update(p: Progress): void {
    this.events += 1;
    this.element.dataset.events = String(this.events);
    this.status.textContent = p.status;
    const percent = percentOf(p);
    this.percent.textContent = formatPercent(percent);
    this.done.setAttribute('width', String(((percent ?? 0) / 100) * BAR_WIDTH));
  }

  ended(note: string): void {
    this.element.dataset.ended = 'true';
    this.status.append(` (${note})`);
  }
}

/**
 * Active jobs, each followed by a `jobProgress` subscription (WebSocket). `dispose` ends the subscriptions,
 * e.g. before a refresh lists the active jobs again.
 */
export class LiveJobs {
  private subscriptions: Subscription[] = [];

  constructor(private readonly section: Section) {}

  render(apollo: ApolloClient, jobs: readonly Job[], errors: string[]): void {
    this.dispose();
    const rows = jobs.map((job) => new LiveRow(job));
    const headers = ['Job', 'Upstream', 'Started (UTC)', 'Status', 'Progress', 'Done'];
    const table = h(
      'table',
      { class: 'live' },
      h('thead', {}, h('tr', {}, ...headers.map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, ...rows.map((r) => r.element)),
    );
    this.section.show(`${jobs.length} active jobs, newest first, followed live.`, table, errors);
    this.subscriptions = jobs.map((job, i) => {
      const row = rows[i]!;
      return apollo.subscribe({ query: JobProgressDocument, variables: { id: job.id }, fetchPolicy: 'no-cache' }).subscribe({
        next: (result) => {
          if (result.data) row.update(result.data.jobProgress);
          if (result.error) row.ended(errorMessages(result.error).join('; '));
        },
        error: (error: unknown) => row.ended(errorMessages(error).join('; ')),
        complete: () => row.ended('finished'),
      });
    });
  }

  dispose(): void {
    for (const s of this.subscriptions) s.unsubscribe();
    this.subscriptions = [];
  }
}
