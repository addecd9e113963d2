import type { UpstreamKindSpec } from '../product.js';

/** The config kind a Backup and DR management console is configured with. */
export const BACKUPDR_KINDS = {
  // ~20 requests/s: what a console answers without queueing.
  backupdr: {
    graphKind: 'BACKUPDR',
    description: 'A Google Cloud Backup and DR management console.',
    credential: 'bearerToken',
    rateLimits: { read: { capacity: 40, refillPerSecond: 20 }, write: { capacity: 10, refillPerSecond: 5 } },
    sharedBudget: false,
  },
} as const satisfies Record<string, UpstreamKindSpec>;
