import { GraphQLError } from 'graphql';
import type { GatewayConfig } from '../config/schema.js';
import type { Principal, ResolvedCredential } from '../principal.js';
import { ErrorCode } from '../errors/codes.js';
import { sha256Hex } from '../util/sha256.js';

const BEARER = /^Bearer\s+(\S+)\s*$/i;


/**
 * Resolves `Authorization: Bearer <apiKey>` to a Principal. Keys are held only as SHA-256 digests, so
 * a heap dump or a stray log of this object shows no usable key.
 */
export class CallerDirectory {
  private byKeyDigest = new Map<string, Principal>();
  private anonymous?: Principal;

  constructor(config: Pick<GatewayConfig, 'callers' | 'upstreams' | 'auth'>) {
    this.reload(config);
  }

  /**
   * Builds the directory from the config as it is now (an API key or a caller's upstream credential was
   * reread from its file): requests already authenticated keep their principal, later ones get the new.
   */
  reload(config: Pick<GatewayConfig, 'callers' | 'upstreams' | 'auth'>): void {
    const byKeyDigest = new Map<string, Principal>();
    const allUpstreams = config.upstreams.map((u) => u.id);
    for (const caller of config.callers) {
      const credentials: Record<string, ResolvedCredential> = {};
      for (const [id, c] of Object.entries(caller.credentials ?? {})) {
        credentials[id] = { username: c.username, password: c.password, bearerToken: c.bearerToken };
      }
      byKeyDigest.set(sha256Hex(caller.apiKey ?? ''), {
        id: caller.id,
        role: caller.role,
        upstreamIds: caller.upstreams ?? allUpstreams,
        mutations: caller.mutations ?? false,
        credentials,
      });
    }
    this.byKeyDigest = byKeyDigest;
    this.anonymous = config.auth.anonymousRole ? { id: 'anonymous', role: config.auth.anonymousRole, upstreamIds: allUpstreams, credentials: {} } : undefined;
  }

  /** @throws GraphQLError UNAUTHENTICATED (HTTP 401) for a missing, malformed or unknown key. */
  authenticate(authorization: string | undefined): Principal {
    if (authorization === undefined || authorization === '') {
      if (this.anonymous) return this.anonymous;
      throw unauthenticated('Missing Authorization header: send "Authorization: Bearer <apiKey>"');
    }
    const key = BEARER.exec(authorization)?.[1];
    if (!key) throw unauthenticated('Malformed Authorization header: expected "Bearer <apiKey>"');
    const principal = this.byKeyDigest.get(sha256Hex(key));
    if (!principal) throw unauthenticated('Unknown API key');
    return principal;
  }
}

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: ErrorCode.UNAUTHENTICATED,
      http: { status: 401, headers: new Map([['www-authenticate', 'Bearer realm="backup-graph"']]) },
    },
  });
}
