import { windowSafeBucket } from '../../ratelimit/window-safe-bucket.js';
import type { UpstreamKindSpec } from '../product.js';

/** The config kinds Commvault serves: CommServes and Commvault Cloud tenants answer the same API. */
export const COMMVAULT_KINDS = {
  // On-premises: ~15 requests/s is what a CommServe's web server takes without queueing.
  commvault: {
    graphKind: 'COMMVAULT',
    description: 'A Commvault CommServe (on-premises).',
    credential: 'password',
    rateLimits: { read: { capacity: 30, refillPerSecond: 15 }, write: { capacity: 10, refillPerSecond: 5 } },
    sharedBudget: false,
  },
  // A tenant's documented budget: 1000 reads and 100 writes an hour, per tenant whoever calls
  // (docs/upstreams/commvault.md §9.2): one bucket for every caller and replica, shaped so that no hour
  // (fixed window or any other span) sees more than the budget: burst 50 and 950 reads an hour after it,
  // burst 5 and 95 writes (windowSafeBucket says why).
  'commvault-cloud': {
    graphKind: 'COMMVAULT_CLOUD',
    description: 'A Commvault Cloud tenant (same API, strict rate limits).',
    credential: 'password',
    rateLimits: {
      read: windowSafeBucket({ limit: 1000, periodSeconds: 3600 }),
      write: windowSafeBucket({ limit: 100, periodSeconds: 3600 }),
    },
    sharedBudget: true,
    // An MSP service account lists its tenants in one entry (docs/upstreams/commvault-cloud-msp.md).
    tenants: true,
  },
} as const satisfies Record<string, UpstreamKindSpec>;

export type CommvaultKind = keyof typeof COMMVAULT_KINDS;
