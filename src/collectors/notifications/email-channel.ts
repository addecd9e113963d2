import type { Transporter } from 'nodemailer';
import type { EmailConfig } from '../../config/notifications.js';
import type { DeliveryEvent } from '../../store/history-store.js';
import type { Notification, NotificationChannel } from './channel.js';
import { DeliveryFailure } from './delivery-failure.js';
import { emailContent } from './notification-content.js';

type Nodemailer = (typeof import('nodemailer'))['default'];

/** SMTP errors that no retry mends: the server refused our login, or a permanent (5xx) reply. */
const PERMANENT_CODES = new Set(['EAUTH', 'ENOAUTH', 'EENVELOPE', 'EMESSAGE', 'EREQUIRETLS']);

/**
 * Sends each notification as one e-mail (plain text and HTML) to the channel's recipients over SMTP
 * (nodemailer). One connection per message: notifications are rare, and a pooled connection would
 * outlive a mail server's idle timeout between them.
 */
export class EmailChannel implements NotificationChannel {
  readonly id: string;
  readonly events: readonly DeliveryEvent[];
  /** Made on the first message: nodemailer loads only in a gateway that sends one. */
  private transport: Transporter | undefined;
  /** The SMTP password `transport` was made with. */
  private pass: string | undefined;

  constructor(private readonly config: EmailConfig) {
    this.id = `email:${config.name}`;
    this.events = config.events;
  }

  /** A transport with the channel's settings as they are now (`smtp.pass` may have been reread from its file). */
  private createTransport(nodemailer: Nodemailer): Transporter {
    const smtp = this.config.smtp;
    this.pass = smtp.pass;
    return nodemailer.createTransport({
      host: smtp.host,
      port: smtp.port ?? (smtp.secure ? 465 : 587),
      secure: smtp.secure,
      requireTLS: smtp.requireTLS,
      auth: smtp.user === undefined ? undefined : { user: smtp.user, pass: smtp.pass ?? '' },
      connectionTimeout: smtp.timeoutMs,
      greetingTimeout: smtp.timeoutMs,
      socketTimeout: smtp.timeoutMs,
      logger: false,
    });
  }

  async send(n: Notification, deliveryId: string): Promise<void> {
    const content = emailContent(n);
    const { default: nodemailer } = await import('nodemailer');
    // Checked and made with no await in between: two first messages at once share one transport.
    if (this.transport === undefined || this.config.smtp.pass !== this.pass) {
      this.transport?.close();
      this.transport = this.createTransport(nodemailer);
    }
    try {
      await this.transport.sendMail({
        from: this.config.from,
        to: this.config.to,
        subject: content.subject,
        text: content.text,
        html: content.html,
        // One Message-ID per delivery, the same on every attempt: mail systems drop a duplicate.
        messageId: `<${deliveryId}@backup-graph>`,
        headers: { 'X-Backup-Graph-Delivery': deliveryId, 'X-Backup-Graph-Event': n.event },
      });
    } catch (e) {
      throw smtpFailure(e);
    }
  }

  async close(): Promise<void> {
    this.transport?.close();
    this.transport = undefined;
  }
}

/** A nodemailer error as a failure: the SMTP reply code and nodemailer's code, never the server's address or our login. */
function smtpFailure(e: unknown): DeliveryFailure {
  const err = e as { code?: string; responseCode?: number };
  const reply = typeof err.responseCode === 'number' ? err.responseCode : undefined;
  const label = `SMTP ${[err.code, reply].filter((x) => x !== undefined).join(' ') || 'error'}`;
  const permanent = (reply !== undefined && reply >= 500) || (err.code !== undefined && PERMANENT_CODES.has(err.code) && (reply === undefined || reply >= 500));
  return new DeliveryFailure(label, !permanent);
}
