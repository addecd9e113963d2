/**
 * `err_code` values the simulator answers in `{err_code, err_message}` (docs/upstreams/backupdr.md §3.6). The sources name
 * only a few real codes (10011, 10017, 10023, same §3.6); the others are chosen here, one per
 * kind of mistake, so tests and the gateway can tell them apart.
 */
export const ERR = {
  /** 401 for a missing, unknown or idle-expired session (the bearer itself was fine). */
  unauthenticated: 10_001,
  /** Bad `offset`/`limit`, or a parameter given twice. */
  badRequest: 10_002,
  /** Unknown filter field, operator not valid for the field's type, bad value, forbidden repetition. */
  badFilter: 10_003,
  /** Malformed `sort` or a field that is not sortable. */
  badSort: 10_004,
  /** A PUT/POST body that is not JSON or has a value of the wrong type. */
  badBody: 10_005,
  /** 404: unknown id, or an object outside the caller's organizations (docs/upstreams/backupdr.md §2.7). */
  notFound: 10_007,
  /** docs/upstreams/backupdr.md §2.7: sent without a message, meaning "Users current assigned role does not have permission to perform this action." */
  forbidden: 10_011,
  /** 405: the path exists but not with this method. */
  methodNotAllowed: 10_012,
  /** 409: the object's state does not allow the operation (e.g. cancelling a finished job). */
  conflict: 10_013,
  /** 415: a body that is not application/json (docs/upstreams/backupdr.md §3.5). */
  unsupportedMediaType: 10_014,
  /** docs/upstreams/backupdr.md §3.6: an appliance-side failure relayed by the console (used by the errList fault). */
  applianceFailure: 10_023,
} as const;
