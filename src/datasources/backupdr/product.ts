import type { UpstreamConfig } from '../../config/schema.js';
import type { ResolvedCredential } from '../../principal.js';
import { canonicalJson } from '../../util/canonical-json.js';
import { sha256Hex } from '../../util/sha256.js';
import type { SourcePlan, UpstreamProduct } from '../product.js';
import { googleMint } from './auth/google-mint.js';
import { FixedTokenSource, MintingTokenSource, type TokenSource } from './auth/token-source.js';
import { BACKUPDR_KINDS } from './kinds.js';
import { backupDrDemos } from './demo.js';
import { BackupDrSource } from './backupdr-source.js';

/**
 * Backup and DR consoles, as the registry sees them. The bearer decides what the console shows (its
 * organizations), so it is the identity: a fixed token by its hash; a minted one by what mints it (the
 * account, key file, kind and audience), which stays the same across renewals so that caches survive them.
 */
export const backupDrUpstreams: UpstreamProduct<BackupDrSource> = {
  name: 'backupdr',
  kinds: BACKUPDR_KINDS,
  sourceFor(upstream: UpstreamConfig, own: ResolvedCredential | undefined): SourcePlan<BackupDrSource> {
    const google = own?.bearerToken === undefined ? upstream.auth?.google : undefined;
    const token = own?.bearerToken ?? upstream.bearerToken ?? '';
    const kind = google ? 'google' : 'bearer';
    const hash = sha256Hex(google ? canonicalJson([google.serviceAccount, google.keyFile, google.token, google.audience]) : token);
    return {
      key: `${upstream.id}\u0000${kind}\u0000${hash}`,
      create: ({ pipeline, logger }) => {
        const tokens: TokenSource = google
          ? new MintingTokenSource({ mint: googleMint(upstream.id, google), refreshBeforeMs: google.refreshBeforeMs })
          : new FixedTokenSource(token);
        return new BackupDrSource({
          instanceId: upstream.id,
          identity: `${kind}:${hash.slice(0, 16)}`,
          pipeline,
          logger,
          tokens,
          promoteUser: upstream.auth?.promoteUser,
          jobLookup: upstream.jobLookup,
        });
      },
    };
  },
  demos: backupDrDemos,
};
