import { z } from 'zod';

/** What a notification is about; a channel's `events` picks among them (history-store's DeliveryEvent). */
export const NOTIFICATION_EVENTS = ['RAISED', 'RESOLVED', 'DAILY_REPORT'] as const;

/** Attempts in all for one delivery to one channel (1 = no retry). */
export const DEFAULT_NOTIFICATION_ATTEMPTS = 5;
/** First retry's wait; it doubles per retry up to `maxDelayMs`. */
export const DEFAULT_NOTIFICATION_BASE_DELAY_MS = 1_000;
/** Longest wait between two attempts, and the longest `Retry-After` a receiver may ask for (beyond it: FAILED). */
export const DEFAULT_NOTIFICATION_MAX_DELAY_MS = 60_000;
/** Per-attempt timeout of a webhook POST or an SMTP exchange. */
export const DEFAULT_NOTIFICATION_TIMEOUT_MS = 10_000;
/** Longest a collection loop waits for a notify call; deliveries go on in the background after it. */
export const DEFAULT_NOTIFICATION_WAIT_MS = 2_000;
export const DEFAULT_DAILY_REPORT_AT = '07:00';

const channelName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'letters, digits, ".", "_" and "-" only');
/** @default every event */
const events = z.array(z.enum(NOTIFICATION_EVENTS)).min(1).default([...NOTIFICATION_EVENTS]);
const timeoutMs = z.number().int().positive().default(DEFAULT_NOTIFICATION_TIMEOUT_MS);

const webhookSchema = z
  .object({
    /** Names the channel in the delivery log (`webhook:<name>`) and in logs. */
    name: channelName,
    /** Where the JSON body is POSTed. */
    url: z.url({ protocol: /^https?$/, error: 'an http(s) URL' }),
    /** HMAC-SHA256 key of the signature header (docs/history.md "Notifications"), or `secretEnv`, or `secretFile` (reread on change). */
    secret: z.string().min(1).optional(),
    secretEnv: z.string().min(1).optional(),
    secretFile: z.string().min(1).optional(),
    events,
    /** Per-attempt timeout, headers and body. @default 10000 */
    timeoutMs,
  })
  .strict()
  .refine((w) => [w.secret, w.secretEnv, w.secretFile].filter((v) => v !== undefined).length === 1, { message: 'give exactly one of secret, secretEnv and secretFile', path: ['secret'] });

const emailSchema = z
  .object({
    /** Names the channel in the delivery log (`email:<name>`) and in logs. */
    name: channelName,
    smtp: z
      .object({
        host: z.string().min(1),
        /** @default 587, or 465 with `secure` */
        port: z.number().int().min(1).max(65535).optional(),
        /** TLS from the first byte (SMTPS, usually port 465). Off: STARTTLS when the server offers it. @default false */
        secure: z.boolean().default(false),
        /** Refuse to send unless STARTTLS succeeds (with `secure: false`). @default false */
        requireTLS: z.boolean().default(false),
        /** SMTP AUTH user; without it no AUTH is attempted. */
        user: z.string().min(1).optional(),
        /** SMTP AUTH password, or `passEnv`, or `passFile` (reread on change; the next connection uses it). */
        pass: z.string().optional(),
        passEnv: z.string().min(1).optional(),
        passFile: z.string().min(1).optional(),
        /** Connection, greeting and socket timeout of one attempt. @default 10000 */
        timeoutMs,
      })
      .strict()
      .refine((s) => [s.pass, s.passEnv, s.passFile].filter((v) => v !== undefined).length <= 1, { message: 'give at most one of pass, passEnv and passFile', path: ['pass'] }),
    /** The From address, e.g. `backup-graph <alerts@example.com>`. */
    from: z.string().min(1),
    to: z.array(z.string().min(1)).min(1),
    events,
  })
  .strict();

/** Notifications of raised and resolved alerts and the daily report (src/collectors/notifications, docs/history.md). */
export const notificationsSchema = z
  .object({
    /** @default none */
    webhooks: z.array(webhookSchema).default([]),
    /** @default none */
    email: z.array(emailSchema).default([]),
    retry: z
      .object({
        /** Attempts in all per delivery (1 = no retry). @default 5 */
        attempts: z.number().int().min(1).max(20).default(DEFAULT_NOTIFICATION_ATTEMPTS),
        /** Wait before the first retry; doubles per retry. @default 1000 */
        baseDelayMs: z.number().int().nonnegative().default(DEFAULT_NOTIFICATION_BASE_DELAY_MS),
        /** Cap of the wait; a receiver's Retry-After beyond it ends the delivery as FAILED. @default 60000 */
        maxDelayMs: z.number().int().nonnegative().default(DEFAULT_NOTIFICATION_MAX_DELAY_MS),
      })
      .strict()
      .refine((r) => r.baseDelayMs <= r.maxDelayMs, { message: 'baseDelayMs must not exceed maxDelayMs', path: ['baseDelayMs'] })
      .prefault({}),
    /** Longest a collection loop waits for one notify call; the deliveries go on after it. @default 2000 */
    waitMs: z.number().int().nonnegative().default(DEFAULT_NOTIFICATION_WAIT_MS),
    dailyReport: z
      .object({
        /** Compose, store and send the daily backup report (docs/history.md "Notifications"). @default false */
        enabled: z.boolean().default(false),
        /** Time of day it is due, `HH:MM` (24 h) in `timeZone`. @default 07:00 */
        at: z
          .string()
          .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day HH:MM, 00:00 to 23:59')
          .default(DEFAULT_DAILY_REPORT_AT),
        /** IANA time zone of `at` and of the report's `day`. @default UTC */
        timeZone: z
          .string()
          .refine(isTimeZone, 'an IANA time zone, e.g. UTC or Europe/Berlin')
          .default('UTC'),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .superRefine((n, ctx) => {
    for (const [list, channels] of [['webhooks', n.webhooks], ['email', n.email]] as const) {
      const seen = new Set<string>();
      channels.forEach((c, i) => {
        if (seen.has(c.name)) ctx.addIssue({ code: 'custom', path: [list, i, 'name'], message: `"${c.name}" is used twice` });
        seen.add(c.name);
      });
    }
  })
  .prefault({});

export type NotificationsConfig = z.infer<typeof notificationsSchema>;
export type WebhookConfig = NotificationsConfig['webhooks'][number];
export type EmailConfig = NotificationsConfig['email'][number];
export type NotificationRetryConfig = NotificationsConfig['retry'];

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
