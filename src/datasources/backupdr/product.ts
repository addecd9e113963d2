import type { UpstreamConfig } from '../../config/schema.js';
import type { ResolvedCredential } from '../../principal.js';
import { sha256Hex } from '../../util/sha256.js';
import type { SourcePlan, UpstreamProduct } from '../product.js';
import { BACKUPDR_KINDS } from './kinds.js';
import { backupDrDemos } from './demo.js';
import { BackupDrSource } from './backupdr-source.js';

/**
 * Backup and DR consoles, as the registry sees them. The bearer token decides what the console shows
 * (its organizations), so it is the identity; the identity string carries only a hash of it.
 */
export const backupDrUpstreams: UpstreamProduct<BackupDrSource> = {
  name: 'backupdr',
  kinds: BACKUPDR_KINDS,
  sourceFor(upstream: UpstreamConfig, own: ResolvedCredential | undefined): SourcePlan<BackupDrSource> {
    const token = own?.bearerToken ?? upstream.bearerToken ?? '';
    const tokenHash = sha256Hex(token);
    return {
      key: `${upstream.id}\u0000bearer\u0000${tokenHash}`,
      create: ({ pipeline, logger }) =>
        new BackupDrSource({ instanceId: upstream.id, identity: `bearer:${tokenHash.slice(0, 16)}`, pipeline, logger, bearerToken: token, jobLookup: upstream.jobLookup }),
    };
  },
  demos: backupDrDemos,
};
