import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';

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
 * The gateway's logger: secrets redacted. Lines a request causes carry its `requestId` because the code
 * writing them is handed the request's trace (an upstream source's view for one request, see
 * UpstreamSource.forRequest; the pipeline's call; the operation plugin), not through an async context:
 * `AsyncLocalStorage` on Node 20 puts a hook on every promise of every request (docs/performance.md).
 * `destination` is for tests that read the lines.
 */
export function createLogger(level: LevelWithSilent = 'info', destination?: DestinationStream): Logger {
  const options = {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    base: { service: 'backup-graph' },
  };
  return destination ? pino(options, destination) : pino(options);
}
