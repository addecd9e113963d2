import type { UpstreamConfig } from '../../config/schema.js';
import type { ResolvedCredential } from '../../principal.js';
import { sha256Hex } from '../../util/sha256.js';
import type { SourcePlan, UpstreamProduct } from '../product.js';
import { commvaultDemo } from './demo.js';
import { CommvaultSource } from './commvault-source.js';

/**
 * Commvault, as the registry sees it: CommServes and Commvault Cloud tenants answer the same API, so
 * both kinds get a CommvaultSource logged in as the caller's own user or the upstream's service account.
 */
export const commvaultUpstreams: UpstreamProduct<CommvaultSource> = {
  name: 'commvault',
  kinds: {
    // On-premises: ~15 requests/s is what a CommServe's web server takes without queueing.
    commvault: {
      graphKind: 'COMMVAULT',
      description: 'A Commvault CommServe (on-premises).',
      credential: 'password',
      rateLimits: { read: { capacity: 30, refillPerSecond: 15 }, write: { capacity: 10, refillPerSecond: 5 } },
      sharedBudget: false,
    },
    // A tenant's documented budget: 1000 reads and 100 writes an hour, per tenant whoever calls
    // (docs/upstreams/commvault.md §9.2): one bucket for every caller and replica.
    'commvault-cloud': {
      graphKind: 'COMMVAULT_CLOUD',
      description: 'A Commvault Cloud tenant (same API, strict rate limits).',
      credential: 'password',
      rateLimits: {
        read: { capacity: 50, refillPerSecond: 1000 / 3600 },
        write: { capacity: 10, refillPerSecond: 100 / 3600 },
      },
      sharedBudget: true,
    },
  },
  sourceFor(upstream: UpstreamConfig, own: ResolvedCredential | undefined): SourcePlan<CommvaultSource> {
    const username = own?.username ?? upstream.username ?? '';
    const password = own?.username !== undefined ? (own.password ?? '') : (upstream.password ?? '');
    return {
      // The key tells sessions apart by secret too (two callers may claim the same user name with
      // different passwords); the identity the pipeline sees stays non-secret.
      key: `${upstream.id}\u0000${username}\u0000${sha256Hex(password)}`,
      create: ({ pipeline, logger }) =>
        new CommvaultSource({
          instanceId: upstream.id,
          kind: upstream.kind === 'commvault-cloud' ? 'commvault-cloud' : 'commvault',
          identity: `user:${username}`,
          pipeline,
          logger,
          username,
          password,
        }),
    };
  },
  demo: commvaultDemo,
};
