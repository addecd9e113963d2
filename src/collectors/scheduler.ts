import { hasDdbStores, infrastructureOf } from '../products.js';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Logger } from '../observability/logger.js';
import type { Lease } from '../store/history-store.js';
import { retentionPolicy } from '../store/retention-policy.js';
import type { UpstreamSnapshot } from './alerts/snapshot.js';
import { judgeAlerts } from './alert-judge.js';
import type { CollectorQueryDeps } from './collector-query.js';
import { collectorPrincipal } from './collector-query.js';
import type { Notifier } from './notifications/notifier.js';
import {
  ALL_UPSTREAMS,
  collectCapacity,
  collectDdb,
  collectEvents,
  collectHealthReport,
  collectInfrastructure,
  collectJobs,
  collectProtection,
  type UpstreamPass,
} from './passes.js';

export type CollectorName = 'capacity' | 'ddb' | 'infrastructure' | 'jobs' | 'protection' | 'events' | 'healthReport' | 'retention';
/** In this order within one tick: the areas the rules judge first. */
export const COLLECTORS: readonly CollectorName[] = ['capacity', 'ddb', 'infrastructure', 'jobs', 'protection', 'events', 'healthReport', 'retention'];
/** The lease every replica competes for: its holder is the one that collects. */
export const COLLECTOR_LEASE = 'collectors';
/** What the jobs and events collectors read the first time (no run recorded yet). */
const FIRST_WINDOW_MS = 24 * 3_600_000;

export interface CollectorSchedulerOptions extends CollectorQueryDeps {
  notifier?: Pick<Notifier, 'notifyAlerts'>;
  logger: Logger;
  /** @default config.collectors.holder, else host-pid-random */
  holder?: string;
  /** @default Date.now */
  now?: () => number;
}

/** The name a replica's lease and runs carry: unique per process. */
export function defaultHolder(): string {
  return `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

/**
 * Runs the collectors, on one replica at a time. Every `tickMs` it renews the `collectors` lease (or tries
 * to take it when it does not hold it, so a survivor takes over within a tick of the leader's lease
 * ending), then runs each collector whose interval bucket (time / interval, in whole intervals) has not
 * been collected yet. Each run of one collector over one upstream is recorded (`recordCollectorRun`). A
 * replica that takes the lease first reads the runs already recorded, so an interval the old leader
 * collected is not collected twice.
 */
export class CollectorScheduler {
  readonly holder: string;
  private readonly now: () => number;
  private lease: Lease | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  /** Per collector: the interval bucket last collected (by anyone, as far as this replica knows). */
  private readonly lastBucket = new Map<CollectorName, number>();
  /** Per collector and upstream: when its last run started (the jobs and events windows start there). */
  private readonly lastRunAt = new Map<string, number>();

  constructor(private readonly options: CollectorSchedulerOptions) {
    this.holder = options.holder ?? options.config.collectors.holder ?? defaultHolder();
    this.now = options.now ?? Date.now;
  }

  start(): void {
    if (this.timer || this.stopped) return;
    const tick = () => {
      if (this.running || this.stopped) return;
      this.running = this.tick()
        .catch((e: unknown) => this.options.logger.error({ err: e }, 'collector tick failed'))
        .finally(() => (this.running = undefined));
    };
    this.timer = setInterval(tick, this.options.config.collectors.tickMs);
    this.timer.unref();
    tick(); // the first collection at start, not a tick later
  }

  /** Stops ticking, waits for a pass under way, and frees the lease for another replica. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
    await this.lease?.release().catch(() => undefined);
    this.lease = undefined;
  }

  /** True while this replica holds the lease. */
  get leading(): boolean {
    return this.lease !== undefined;
  }

  /** One tick: keep or take the lease, then run what is due. */
  async tick(): Promise<void> {
    const { history, config, logger } = this.options;
    if (this.lease) {
      if (!(await this.lease.renew())) {
        logger.warn({ holder: this.holder }, 'collector lease lost');
        this.lease = undefined;
      }
    } else {
      this.lease = await history.acquireLease(COLLECTOR_LEASE, this.holder, config.collectors.leaseTtlMs);
      if (this.lease) {
        logger.info({ holder: this.holder }, 'collector lease taken');
        await this.learnRecordedRuns();
      }
    }
    if (!this.lease) return;
    for (const collector of COLLECTORS) {
      if (this.stopped || !this.lease) return;
      const interval = config.collectors.intervalsMs[collector];
      const started = this.now();
      const bucket = started - (started % interval);
      if (this.lastBucket.get(collector) === bucket) continue;
      this.lastBucket.set(collector, bucket);
      this.options.logger.debug({ collector, bucket }, 'collector due');
      await this.runCollector(collector, bucket, started);
    }
  }

  /** What the runs recorded in the store say was collected: the buckets and windows to go on from. */
  private async learnRecordedRuns(): Promise<void> {
    const { history, config } = this.options;
    const longest = Math.max(...COLLECTORS.map((c) => config.collectors.intervalsMs[c]));
    const runs = await history.collectorRuns({ since: this.now() - Math.max(longest, FIRST_WINDOW_MS) });
    for (const run of runs) {
      const collector = run.collector as CollectorName;
      const interval = config.collectors.intervalsMs[collector];
      if (interval === undefined) continue;
      const bucket = run.startedAt - (run.startedAt % interval);
      if ((this.lastBucket.get(collector) ?? -1) < bucket) this.lastBucket.set(collector, bucket);
      const key = `${collector}\u0000${run.upstreamId}`;
      if (run.ok && (this.lastRunAt.get(key) ?? -1) < run.startedAt) this.lastRunAt.set(key, run.startedAt);
    }
  }

  /** The upstreams collected from (all but `collectors.exclude`), with their graph kind. */
  private collected(): Array<{ id: string; graphKind: string }> {
    const { registry, config } = this.options;
    return registry
      .forPrincipal(collectorPrincipal(config, undefined))
      .upstreams()
      .filter((u) => !config.collectors.exclude.includes(u.id));
  }

  private upstreams(filter: (graphKind: string) => boolean): string[] {
    return this.collected()
      .filter((u) => filter(u.graphKind))
      .map((u) => u.id);
  }

  private async runCollector(collector: CollectorName, at: number, now: number): Promise<void> {
    const deps = this.options;
    const { config } = deps;
    const overlap = config.collectors.jobsOverlapMs;
    const sinceOf = (upstreamId: string) => {
      const last = this.lastRunAt.get(`${collector}\u0000${upstreamId}`);
      return last === undefined ? now - FIRST_WINDOW_MS : last - overlap;
    };
    const one = async (upstreamId: string, pass: () => Promise<UpstreamPass>): Promise<UpstreamPass> => {
      const startedAt = this.now();
      let result: UpstreamPass;
      try {
        result = await pass();
      } catch (e) {
        result = { upstreamId, upstreamCalls: 0, error: e instanceof Error ? e.message : String(e) };
      }
      if (result.error === null) this.lastRunAt.set(`${collector}\u0000${upstreamId}`, startedAt);
      // Deferred for the callers' reserve is the budget working as configured, not a fault to warn of.
      else if (result.deferred) deps.logger.info({ collector, upstream: upstreamId, reason: result.error }, 'collector pass deferred');
      else deps.logger.warn({ collector, upstream: upstreamId, error: result.error }, 'collector pass incomplete');
      await deps.history.recordCollectorRun({ collector, upstreamId, holder: this.holder, startedAt, finishedAt: this.now(), ok: result.error === null, upstreamCalls: result.upstreamCalls, error: result.error });
      return result;
    };
    const each = (ids: readonly string[], pass: (upstreamId: string) => Promise<UpstreamPass>) => Promise.all(ids.map((id) => one(id, () => pass(id))));

    let passes: UpstreamPass[] = [];
    switch (collector) {
      case 'capacity':
        passes = await each(this.upstreams(() => true), (upstreamId) => collectCapacity({ deps, upstreamId, at, now }));
        break;
      case 'ddb':
        passes = await each(this.upstreams(hasDdbStores), (upstreamId) => collectDdb({ deps, upstreamId, at, now }));
        break;
      case 'jobs':
        passes = await each(this.upstreams(() => true), (upstreamId) => collectJobs({ deps, upstreamId, at, now, since: sinceOf(upstreamId) }));
        break;
      case 'infrastructure': {
        const kinds = new Map(this.collected().flatMap((u) => (infrastructureOf(u.graphKind) ? [[u.id, infrastructureOf(u.graphKind)!] as const] : [])));
        passes = await each([...kinds.keys()], (upstreamId) => collectInfrastructure({ deps, upstreamId, at, now, kind: kinds.get(upstreamId)! }));
        break;
      }
      case 'protection':
        passes = await each(this.upstreams(() => true), (upstreamId) => collectProtection({ deps, upstreamId, at, now }));
        break;
      case 'events':
        await each(this.upstreams(() => true), (upstreamId) => collectEvents({ deps, upstreamId, at, now, since: sinceOf(upstreamId) }));
        return;
      case 'healthReport':
        await one(ALL_UPSTREAMS, () => collectHealthReport({ deps, at, now }));
        return;
      case 'retention':
        await one(ALL_UPSTREAMS, async () => {
          const deleted = await deps.history.applyRetention(now, retentionPolicy(config.store.retention));
          deps.logger.info({ deleted }, 'history retention applied');
          return { upstreamId: ALL_UPSTREAMS, upstreamCalls: 0, error: null };
        });
        return;
    }
    const snapshots = passes.flatMap((p): UpstreamSnapshot[] => (p.snapshot ? [p.snapshot] : []));
    await judgeAlerts(deps, now, snapshots).catch((e: unknown) => deps.logger.error({ err: e, collector }, 'alert rules not applied'));
  }
}
