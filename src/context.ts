import type { Role } from './config/schema.js';

/** Who is calling the gateway, resolved from `Authorization: Bearer <apiKey>` by the caller plugin. */
export interface Principal {
  /** The caller's configured id (e.g. `web`, `demo-frontend`). */
  readonly id: string;
  readonly role: Role;
  /** Upstream instance ids this caller may see, in config order. */
  readonly upstreamIds: readonly string[];
}
