import type { GraphQLSchema } from 'graphql';
import type { GatewayConfig } from '../config/schema.js';
import type { SourceRegistry } from '../datasources/registry.js';
import { isBackup } from '../monitoring/jobs.js';
import type { Logger } from '../observability/logger.js';
import type { HistoryStore } from '../store/history-store.js';
import { notifierFromConfig } from './notifications/channels.js';
import { runDailyReport } from './notifications/daily-report-job.js';
import { scheduleDailyReport, type DailyReportTimer } from './notifications/daily-report-schedule.js';
import { CollectorScheduler } from './scheduler.js';

export interface RunningCollectors {
  readonly scheduler: CollectorScheduler;
  /** Stops the schedule, waits for a pass under way, frees the lease, then lets notifications finish. */
  stop(): Promise<void>;
}

/**
 * The collectors of one replica, their notifier and the daily report, from the config. The daily report
 * runs on every replica at its due time: the notifier's delivery claim lets exactly one of them send it.
 */
export function startCollectors(deps: { config: GatewayConfig; schema: GraphQLSchema; registry: SourceRegistry; history: HistoryStore; logger: Logger }): RunningCollectors {
  const { config, history } = deps;
  const logger = deps.logger.child({ component: 'collectors' });
  const notifier = notifierFromConfig(config.notifications, history, logger);
  const scheduler = new CollectorScheduler({ ...deps, logger, notifier });
  scheduler.start();
  const { dailyReport } = config.notifications;
  let daily: DailyReportTimer | undefined;
  if (dailyReport.enabled) {
    daily = scheduleDailyReport({
      at: dailyReport.at,
      timeZone: dailyReport.timeZone,
      run: async (dueAt) => {
        await runDailyReport({ store: history, notifier, isBackupJob: (job) => isBackup(job), upstreamIds: config.upstreams.map((u) => u.id), timeZone: dailyReport.timeZone }, dueAt);
      },
      onError: (e) => logger.error({ err: e }, 'daily report failed'),
    });
  }
  return {
    scheduler,
    async stop() {
      daily?.stop();
      await scheduler.stop();
      await notifier.close();
    },
  };
}
