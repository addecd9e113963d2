import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';
import { requestIdMixin } from './request-trace.js';

export type { Logger };

/**
 * Paths pino blanks in every log line. Upstream tokens and caller keys travel in headers; passwords in
 * config objects. A log line is read by more people than the secrets it could carry.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.authtoken',
  'req.headers["backupdr-management-session"]',
  'headers.authorization',
  'headers.authtoken',
  'headers["backupdr-management-session"]',
  '*.password',
  '*.bearerToken',
  '*.apiKey',
  '*.token',
];

/**
 * The gateway's logger: secrets redacted, and every line written while a request runs carries that
 * request's `requestId` (see request-trace.ts). `destination` is for tests that read the lines.
 */
export function createLogger(level: LevelWithSilent = 'info', destination?: DestinationStream): Logger {
  const options = {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    base: { service: 'backup-graph' },
    mixin: requestIdMixin,
  };
  return destination ? pino(options, destination) : pino(options);
}
