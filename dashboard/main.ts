import './dashboard.css';
import {
  DashboardAlertsDocument,
  DashboardCapacityDocument,
  DashboardEstateDocument,
  DashboardHealthDocument,
  DashboardJobsDocument,
  DashboardTrendsDocument,
  DashboardUpstreamOutcomesDocument,
} from '../src/generated/operations/graphql.js';
import { createDashboardClient, type DashboardClient } from './client.js';
import { readConfig } from './config.js';
import { h } from './dom.js';
import { askPatiently } from './rate-limit.js';
import { errorMessages, Section } from './section.js';
import { renderAlerts } from './sections/alerts.js';
import { renderCapacity } from './sections/capacity.js';
import { renderHealth } from './sections/health.js';
import { LIVE_JOBS, LiveJobs } from './sections/live-jobs.js';
import { renderOutcomes, type UpstreamOutcome } from './sections/outcomes.js';
import { renderTrends } from './sections/trends.js';
import { renderUnprotected } from './sections/unprotected.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const UNPROTECTED_DAYS = 7;
const TREND_DAYS = 30;
const OPEN_ALERTS = 50;
/** The key lives as long as the browser tab (sessionStorage), like the playground's header editor: not beyond. */
const KEY_STORAGE = 'backup-graph:dashboard:key';

const config = readConfig();
const sections = {
  health: new Section('health', 'Health'),
  outcomes: new Section('outcomes', 'Job outcomes, last 24 hours'),
  capacity: new Section('capacity', 'Storage capacity'),
  alerts: new Section('alerts', 'Open alerts'),
  trends: new Section('trends', `Capacity trend, ${TREND_DAYS} days, and forecast`),
  unprotected: new Section('unprotected', `Unprotected workloads, ${UNPROTECTED_DAYS} days`),
  live: new Section('live', 'Active jobs, live'),
};
const liveJobs = new LiveJobs(sections.live);
let client: DashboardClient | undefined;

function storedKey(): string | null {
  try {
    return window.sessionStorage.getItem(KEY_STORAGE);
  } catch {
    return null; // storage disabled: the key lasts until the page is left
  }
}

function storeKey(key: string): void {
  try {
    window.sessionStorage.setItem(KEY_STORAGE, key);
  } catch {
    // see storedKey
  }
}

let generation = 0;

/**
 * Loads every section; the per-upstream outcome requests start once the estate has named the upstreams.
 * A refresh started later (a new key) wins: answers of an earlier one are dropped.
 */
async function refresh(apiKey: string): Promise<void> {
  const mine = ++generation;
  const current = () => mine === generation;
  client?.dispose();
  liveJobs.dispose();
  client = createDashboardClient(config.graphqlPath, apiKey);
  const { apollo } = client;
  for (const section of Object.values(sections)) section.loading();
  const waitingIn = (targets: Section[]) => (ms: number) => {
    for (const section of targets) section.waiting(ms);
  };
  // One window for the estate and every upstream, to the second, so the rows add up to the total.
  const until = new Date(Math.floor(Date.now() / 1000) * 1000);
  const period = { since: new Date(until.getTime() - DAY_MS).toISOString(), until: until.toISOString() };

  const estateSections = [sections.outcomes, sections.unprotected];
  const estate = askPatiently(() => apollo.query({ query: DashboardEstateDocument, variables: { ...period, days: UNPROTECTED_DAYS } }), waitingIn(estateSections)).then(async ({ data, error }) => {
    if (!current()) return;
    if (!data) throw error ?? new Error('no answer');
    renderUnprotected(sections.unprotected, data.unprotectedWorkloads, UNPROTECTED_DAYS, errorMessages(error));
    const outcomes = await Promise.all(
      data.upstreams.map(async (upstream): Promise<UpstreamOutcome> => {
        const ask = () => apollo.query({ query: DashboardUpstreamOutcomesDocument, variables: { upstream: upstream.id, ...period } });
        const answer = await askPatiently(ask, waitingIn([sections.outcomes])).catch((e: unknown) => ({ data: undefined, error: e }));
        return { upstream, summary: answer.data?.jobStatusSummary ?? null, errors: errorMessages(answer.error) };
      }),
    );
    if (current()) renderOutcomes(sections.outcomes, outcomes, data.jobStatusSummary);
  });
  const capacity = askPatiently(() => apollo.query({ query: DashboardCapacityDocument }), waitingIn([sections.capacity])).then(({ data, error }) => {
    if (!current()) return;
    if (!data) throw error ?? new Error('no answer');
    renderCapacity(sections.capacity, data.storagePools, errorMessages(error));
  });
  const health = askPatiently(() => apollo.query({ query: DashboardHealthDocument, variables: { until: period.until } }), waitingIn([sections.health])).then(({ data, error }) => {
    if (!current()) return;
    if (!data) throw error ?? new Error('no answer');
    renderHealth(sections.health, data.healthReport, errorMessages(error));
  });
  const trends = askPatiently(
    () => apollo.query({ query: DashboardTrendsDocument, variables: { since: new Date(until.getTime() - TREND_DAYS * DAY_MS).toISOString() } }),
    waitingIn([sections.trends]),
  ).then(({ data, error }) => {
    if (!current()) return;
    if (!data) throw error ?? new Error('no answer');
    renderTrends(sections.trends, data.storagePools, errorMessages(error));
  });
  const alerts = askPatiently(() => apollo.query({ query: DashboardAlertsDocument, variables: { first: OPEN_ALERTS } }), waitingIn([sections.alerts])).then(({ data, error }) => {
    if (!current()) return;
    if (!data) throw error ?? new Error('no answer');
    renderAlerts(sections.alerts, data.alerts, errorMessages(error));
  });
  const listActive = () => apollo.query({ query: DashboardJobsDocument, variables: { first: LIVE_JOBS, filter: { category: 'ACTIVE' } } });
  const active = askPatiently(listActive, waitingIn([sections.live])).then(({ data, error }) => {
    if (!current()) return;
    if (!data) throw error ?? new Error('no answer');
    liveJobs.render(apollo, data.jobs.edges.map((e) => e.node), errorMessages(error));
  });

  const failed = (targets: Section[]) => (e: unknown) => {
    if (!current()) return;
    for (const section of targets) section.fail(errorMessages(e).join('; '));
  };
  await Promise.all([health.catch(failed([sections.health])), estate.catch(failed(estateSections)), capacity.catch(failed([sections.capacity])), active.catch(failed([sections.live])), trends.catch(failed([sections.trends])), alerts.catch(failed([sections.alerts]))]);
}

/** The key form: a password field (never echoed), kept for the tab; Refresh reloads with the key in use. */
function keyForm(initial: string): HTMLFormElement {
  const input = h('input', { id: 'api-key', name: 'api-key', type: 'password', autocomplete: 'off', required: true, value: initial });
  const form = h('form', { class: 'key', 'aria-label': 'API key' }, h('label', { for: 'api-key' }, 'API key'), input, h('button', { type: 'submit' }, 'Load'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const key = input.value.trim();
    if (!key) return;
    storeKey(key);
    void refresh(key);
  });
  return form;
}

function mount(): void {
  const initial = storedKey() ?? config.defaultApiKey ?? '';
  const root = document.getElementById('dashboard');
  if (!root) return;
  root.replaceChildren(
    h('header', {}, h('h1', {}, 'Backup estate'), keyForm(initial)),
    h('main', {}, ...Object.values(sections).map((s) => s.element)),
  );
  if (initial) void refresh(initial);
  else for (const section of Object.values(sections)) section.fail('Enter an API key to load the dashboard.');
}

mount();
