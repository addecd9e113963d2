import { pino, type Logger, type LevelWithSilent } from 'pino';

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

export function createLogger(level: LevelWithSilent = 'info'): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: { service: 'backup-graph' } });
}
