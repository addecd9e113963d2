import type { Principal } from '../principal.js';

/**
 * Who may run a mutation (docs/operations.md): `admin` any; `partner` only one of its trusted documents
 * (the safelist of docs/partners.md); `analyst` and `frontend` only when the config grants it to that
 * caller (`callers[].mutations: true`). Returns why a mutation is refused, or undefined when allowed.
 *
 * @param trustedDocument whether the operation's text is a manifest document
 */
export function mutationRefusal(principal: Pick<Principal, 'id' | 'role' | 'mutations'>, trustedDocument: boolean): string | undefined {
  switch (principal.role) {
    case 'admin':
      return undefined;
    case 'partner':
      return trustedDocument ? undefined : 'Partners may run only the mutations of their trusted documents';
    default:
      return principal.mutations === true
        ? undefined
        : `Caller "${principal.id}" (role ${principal.role}) may not run mutations; an operator can grant it with callers[].mutations`;
  }
}
