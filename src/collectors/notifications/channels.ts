import type { NotificationsConfig } from '../../config/notifications.js';
import type { Logger } from '../../observability/logger.js';
import type { NotificationChannel } from './channel.js';
import { Notifier, type NotifierStore } from './notifier.js';
import { EmailChannel } from './email-channel.js';
import { WebhookChannel, type ResolvedWebhookConfig } from './webhook-channel.js';

/** The channels `notifications` configures, webhooks first. Secrets must be resolved (the config loader does it). */
export function channelsFromConfig(config: NotificationsConfig): NotificationChannel[] {
  const webhooks = config.webhooks.map((w) => {
    if (w.secret === undefined) throw new Error(`notifications webhook "${w.name}" has no secret (is secretEnv resolved?)`);
    // The entry itself, not a copy: a secret reread from its file signs the next delivery.
    return new WebhookChannel(w as ResolvedWebhookConfig);
  });
  return [...webhooks, ...config.email.map((e) => new EmailChannel(e))];
}

/** A Notifier over the configured channels (none configured: a Notifier that sends nothing). */
export function notifierFromConfig(config: NotificationsConfig, store: NotifierStore, logger: Logger): Notifier {
  return new Notifier({ store, channels: channelsFromConfig(config), retry: config.retry, waitMs: config.waitMs, logger });
}
