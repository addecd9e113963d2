import { Agent, request } from 'undici';
import type { WebhookConfig } from '../../config/notifications.js';
import type { DeliveryEvent } from '../../store/history-store.js';
import { retryAtMs } from '../../ratelimit/retry-after.js';
import type { Notification, NotificationChannel } from './channel.js';
import { DeliveryFailure } from './delivery-failure.js';
import { webhookPayload } from './notification-content.js';
import { isRetryableStatus } from './retry-policy.js';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, signWebhook } from './webhook-signature.js';

/** A webhook with its secret resolved (the config loader fills `secret` from `secretEnv`). */
export type ResolvedWebhookConfig = WebhookConfig & { secret: string };

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT']);

/**
 * POSTs each notification as signed JSON to one URL. Its own undici Agent, apart from the upstream
 * pipeline's pools: a receiver is not an upstream (no bucket, no breaker, no cache), and its timeouts
 * are the channel's. Redirects are not followed (a 3xx is a final failure: the signature names no
 * host, so following one would hand a signed body to wherever it points).
 */
export class WebhookChannel implements NotificationChannel {
  readonly id: string;
  readonly events: readonly DeliveryEvent[];
  private readonly agent: Agent;

  constructor(
    private readonly config: ResolvedWebhookConfig,
    private readonly now: () => number = Date.now,
  ) {
    this.id = `webhook:${config.name}`;
    this.events = config.events;
    this.agent = new Agent({
      headersTimeout: config.timeoutMs,
      bodyTimeout: config.timeoutMs,
      connect: { timeout: config.timeoutMs },
      keepAliveTimeout: 10_000,
    });
  }

  async send(n: Notification, deliveryId: string): Promise<void> {
    const body = JSON.stringify(webhookPayload(n, deliveryId));
    // Signed per attempt: a retry carries a fresh timestamp, so receivers may bound a delivery's age.
    const timestamp = String(Math.floor(this.now() / 1000));
    let statusCode: number;
    let headers: Record<string, string>;
    try {
      const res = await request(this.config.url, {
        method: 'POST',
        dispatcher: this.agent,
        signal: AbortSignal.timeout(this.config.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'backup-graph-notifier',
          [SIGNATURE_HEADER]: signWebhook(this.config.secret, timestamp, body),
          [TIMESTAMP_HEADER]: timestamp,
          [DELIVERY_HEADER]: deliveryId,
          [EVENT_HEADER]: n.event,
        },
        body,
      });
      statusCode = res.statusCode;
      headers = flatHeaders(res.headers);
      // The answer's body means nothing to us; read it to free the connection (bounded by bodyTimeout).
      await res.body.dump({ limit: 64 * 1024 });
    } catch (e) {
      throw transportFailure(e, this.config.timeoutMs);
    }
    if (statusCode >= 200 && statusCode < 300) return;
    const nowMs = this.now();
    const retryAt = statusCode === 429 || statusCode === 503 ? retryAtMs(headers, nowMs) : undefined;
    const why = statusCode >= 300 && statusCode < 400 ? ' (redirects are not followed)' : '';
    throw new DeliveryFailure(`HTTP ${statusCode}${why}`, isRetryableStatus(statusCode), retryAt === undefined ? undefined : retryAt - nowMs);
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}

function flatHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** Names no host or URL: the message is the delivery log's lastError. */
function transportFailure(e: unknown, timeoutMs: number): DeliveryFailure {
  const err = e as { code?: string; name?: string; cause?: { code?: string } };
  const code = err.code ?? err.cause?.code;
  if (err.name === 'TimeoutError' || (code && TIMEOUT_CODES.has(code))) return new DeliveryFailure(`no answer within ${timeoutMs} ms`, true);
  return new DeliveryFailure(`receiver unreachable${code ? ` (${code})` : ''}`, true);
}
