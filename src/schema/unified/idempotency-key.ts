/** The description of every mutation input's `idempotencyKey` (docs/operations.md, "The shared path"). */
export const IDEMPOTENCY_KEY =
  'Send the same key again (same caller, within 24 h, same input) to get the first outcome back without a second upstream call; the same key with another input is BAD_USER_INPUT.';
