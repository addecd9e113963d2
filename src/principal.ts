import type { Role } from './config/schema.js';

/** An upstream credential with its secret already resolved (from the config value or its `…Env` variable). */
export interface ResolvedCredential {
  username?: string;
  password?: string;
  bearerToken?: string;
}

/** Who is calling the gateway, resolved from `Authorization: Bearer <apiKey>` by the caller plugin. */
export interface Principal {
  /** The caller's configured id (e.g. `web`, `demo-frontend`). */
  readonly id: string;
  readonly role: Role;
  /** Upstream instance ids this caller may see, in config order. */
  readonly upstreamIds: readonly string[];
  /** Config grants this caller mutations (`callers[].mutations`); see src/mutations/policy.ts for the role rules. */
  readonly mutations?: boolean;
  /**
   * The caller's own upstream credentials by upstream id; where absent, the upstream's service account
   * applies. Secrets: never log or serialise a Principal.
   */
  readonly credentials: Readonly<Record<string, ResolvedCredential>>;
  /** A collector (src/collectors), not a caller: its upstream calls spend only above the callers' reserve. */
  readonly background?: boolean;
}
