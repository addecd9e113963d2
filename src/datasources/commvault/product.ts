import type { UpstreamConfig } from '../../config/schema.js';
import type { ResolvedCredential } from '../../principal.js';
import { sha256Hex } from '../../util/sha256.js';
import type { SourcePlan, UpstreamProduct } from '../product.js';
import { COMMVAULT_KINDS } from './kinds.js';
import { commvaultDemos } from './demo.js';
import { CommvaultSource } from './commvault-source.js';
import { SharedSession } from '../upstream-source.js';

/**
 * Commvault, as the registry sees it: CommServes and Commvault Cloud tenants answer the same API, so
 * both kinds get a CommvaultSource logged in as the caller's own user or the upstream's service account.
 */
export const commvaultUpstreams: UpstreamProduct<CommvaultSource> = {
  name: 'commvault',
  kinds: COMMVAULT_KINDS,
  sourceFor(upstream: UpstreamConfig, own: ResolvedCredential | undefined): SourcePlan<CommvaultSource> {
    const username = own?.username ?? upstream.username ?? '';
    const password = own?.username !== undefined ? (own.password ?? '') : (upstream.password ?? '');
    const session = { idleTimeoutMs: upstream.sessionIdleTimeoutMs };
    return {
      // The key tells sessions apart by secret too (two callers may claim the same user name with
      // different passwords); the identity the pipeline sees stays non-secret.
      key: `${upstream.id}\u0000${username}\u0000${sha256Hex(password)}`,
      create: ({ pipeline, logger, shared }) =>
        new CommvaultSource({
          instanceId: upstream.id,
          kind: upstream.kind === 'commvault-cloud' ? 'commvault-cloud' : 'commvault',
          identity: `user:${username}`,
          pipeline,
          logger,
          username,
          password,
          session,
          operatorCompanyId: upstream.operatorCompanyId,
          // A service account's token serves every tenant it reaches (the tenant is a header of each
          // call): the tenants of one API root share one login per user (docs/upstreams/commvault-cloud-msp.md).
          sharedSession:
            upstream.operatorCompanyId === undefined
              ? undefined
              : shared(`commvault-msp\u0000${upstream.url}\u0000${username}\u0000${sha256Hex(password)}`, () => new SharedSession(session)),
        }),
    };
  },
  demos: commvaultDemos,
};
