import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCommvaultSimulator, type CommvaultSimulator } from '../../simulators/commvault/index.js';
import { metricsRegistry } from '../../src/observability/metrics.js';
import { toGlobalId } from '../../src/util/global-id.js';
import { commvaultUpstream } from '../helpers/gateway.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';

/**
 * The Grafana dashboard operators import (docs/deploy/grafana-dashboard.json) is only useful if every
 * series and label its queries use is what a gateway actually exports; this reads each query and checks
 * it against a live gateway's `/metrics` and the registry behind it.
 */
const ADMIN_KEY = 'dash-admin';
/** Labels Prometheus adds to every scraped series (target labels), not the gateway. */
const TARGET_LABELS = new Set(['job', 'pod']);

interface Panel {
  type: string;
  title: string;
  targets?: Array<{ expr: string }>;
}

let sim: CommvaultSimulator;
let gw: TestGateway;
let exposition: string;

/** Series names in a PromQL expression (ours and Node's defaults). */
function seriesOf(expr: string): string[] {
  return [...new Set(expr.match(/\b(?:backup_graph|process|nodejs)_[a-z0-9_]+\b/g) ?? [])];
}

/** Label names an expression groups by or matches on (`by (a, b)`, `{a="x", b=~"y"}`). */
function labelsOf(expr: string): string[] {
  const names = new Set<string>();
  for (const [, list] of expr.matchAll(/\bby \(([^)]*)\)/g)) for (const n of (list as string).split(',')) names.add(n.trim());
  for (const [, matchers] of expr.matchAll(/\{([^}]*)\}/g)) for (const [, n] of (matchers as string).matchAll(/([a-z_]+)\s*(?:=~|!=|!~|=)/g)) names.add(n as string);
  names.delete('le');
  for (const t of TARGET_LABELS) names.delete(t);
  return [...names];
}

/** The registered metric a sample name belongs to (histograms export `_bucket`, `_sum`, `_count`). */
function metricOf(series: string): { name: string; labelNames: string[] } | undefined {
  for (const name of [series, series.replace(/_(bucket|sum|count)$/, '')]) {
    const metric = metricsRegistry.getSingleMetric(name) as unknown as { labelNames?: string[] } | undefined;
    if (metric) return { name, labelNames: metric.labelNames ?? [] };
  }
  return undefined;
}

beforeAll(async () => {
  sim = await startCommvaultSimulator();
  gw = await startTestGateway({
    upstreams: [commvaultUpstream('cv-dash', sim.url)],
    callers: [{ id: 'dash-admin', apiKey: ADMIN_KEY, role: 'admin' }],
  });
  // Traffic that makes the series appear: a read, an error, and a mutation.
  await gw.query('{ jobs(first: 5) { totalCount } }', {}, { apiKey: ADMIN_KEY });
  await gw.query('{ node(id: "nope") { id } }', {}, { apiKey: ADMIN_KEY });
  const subclient = sim.data.subclients.find((s) => s.enableBackup && sim.data.clients.find((c) => c.clientId === s.clientId)?.online);
  const backup = await gw.query(
    'mutation($input: BackupSubclientInput!) { backupSubclient(input: $input) { jobs { jobId } } }',
    { input: { subclient: toGlobalId('CommvaultSubclient', 'cv-dash', subclient!.subclientId), level: 'INCREMENTAL' } },
    { apiKey: ADMIN_KEY },
  );
  expect(backup.body.errors).toBeUndefined();
  exposition = await (await fetch(`${gw.url}/metrics`)).text();
}, 60_000);

afterAll(async () => {
  await gw?.close();
  await sim?.close();
});

describe('the Grafana dashboard in docs/deploy', () => {
  it('uses only series a live gateway exports, with labels those series carry', async () => {
    const dashboard = JSON.parse(await readFile('docs/deploy/grafana-dashboard.json', 'utf8')) as { panels: Panel[]; templating: { list: Array<{ query?: unknown }> } };
    const exprs = dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => ({ panel: p.title, expr: t.expr })));
    for (const v of dashboard.templating.list) if (typeof v.query === 'string' && v.query.startsWith('label_values')) exprs.push({ panel: 'variable', expr: v.query });
    expect(exprs.length).toBeGreaterThanOrEqual(15);

    const problems: string[] = [];
    for (const { panel, expr } of exprs) {
      const series = seriesOf(expr);
      if (series.length === 0) problems.push(`${panel}: no series in ${expr}`);
      const metrics = series.map((s) => ({ series: s, metric: metricOf(s) }));
      for (const { series: s, metric } of metrics) {
        if (!metric) problems.push(`${panel}: ${s} is not registered`);
        else if (!new RegExp(`^# TYPE ${metric.name} `, 'm').test(exposition)) problems.push(`${panel}: ${metric.name} is not on /metrics`);
      }
      const carried = new Set(metrics.flatMap(({ metric }) => metric?.labelNames ?? []));
      for (const label of labelsOf(expr)) if (!carried.has(label)) problems.push(`${panel}: label ${label} is on none of ${series.join(', ')}`);
    }
    expect(problems).toEqual([]);
  });

  it('each panel has a unique title and a query, laid out without overlaps', async () => {
    const dashboard = JSON.parse(await readFile('docs/deploy/grafana-dashboard.json', 'utf8')) as { panels: Array<Panel & { gridPos: { x: number; y: number; w: number; h: number } }> };
    const graphs = dashboard.panels.filter((p) => p.type !== 'row');
    expect(new Set(graphs.map((p) => p.title)).size).toBe(graphs.length);
    for (const p of graphs) expect(p.targets?.length, p.title).toBeGreaterThan(0);
    const cells = new Set<string>();
    for (const { gridPos: g, title } of dashboard.panels) {
      for (let x = g.x; x < g.x + g.w; x++) for (let y = g.y; y < g.y + g.h; y++) {
        expect(cells.has(`${x},${y}`), `${title} overlaps at ${x},${y}`).toBe(false);
        cells.add(`${x},${y}`);
      }
    }
  });
});

describe('the series the dashboard adds', () => {
  const sample = (name: string, labels: string) => {
    const line = exposition.split('\n').find((l) => l.startsWith(`${name}{`) && labels.split(',').every((pair) => l.includes(pair)));
    return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
  };

  it('counts a mutation by root field and outcome', () => {
    expect(sample('backup_graph_mutations_total', 'operation="backupSubclient",outcome="ok"')).toBe(1);
  });

  it('reports the live upstream session the requests logged in with', () => {
    expect(sample('backup_graph_upstream_sessions_live', 'instance="cv-dash"')).toBe(1);
  });

  it('reports the tokens left in the read and write buckets the requests spent from, below their capacity', () => {
    const read = sample('backup_graph_ratelimit_tokens', 'instance="cv-dash",access="read"');
    const write = sample('backup_graph_ratelimit_tokens', 'instance="cv-dash",access="write"');
    const config = gw.gateway.config.upstreams[0]!.rateLimit;
    expect(read).toBeGreaterThanOrEqual(0);
    expect(read).toBeLessThan(config.read!.capacity);
    expect(write).toBeLessThan(config.write!.capacity);
  });
});
