import { badUserInput } from '../errors/gateway-error.js';
import { base64UrlOf } from './base64url.js';

/** What a global id names: a GraphQL type, the upstream instance holding the object and its id there. */
export interface GlobalIdParts {
  typeName: string;
  instanceId: string;
  localId: string;
}

const TYPE_NAME = /^[A-Za-z][A-Za-z0-9]*$/;
/** Same rule as config upstream ids; no `:`, so the encoded form splits unambiguously. */
const INSTANCE_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * `Node.id`: base64url of `<TypeName>:<instanceId>:<localId>`. Opaque to clients, stable across
 * releases (clients store them), and carrying the instance so `Query.node` knows where to look.
 */
export function toGlobalId(typeName: string, instanceId: string, localId: string | number): string {
  return base64UrlOf(`${typeName}:${instanceId}:${localId}`);
}

/** @throws GatewayError BAD_USER_INPUT when `id` is not a global id this gateway could have issued. */
export function fromGlobalId(id: string): GlobalIdParts {
  const malformed = () => badUserInput(`malformed id "${id.slice(0, 80)}"`);
  if (!BASE64URL.test(id)) throw malformed();
  const text = Buffer.from(id, 'base64url').toString('utf8');
  // Round-trip check: rejects strings that decode only by Node's lenient base64 reading.
  if (base64UrlOf(text) !== id) throw malformed();
  const first = text.indexOf(':');
  const second = text.indexOf(':', first + 1);
  if (first <= 0 || second <= first + 1 || second === text.length - 1) throw malformed();
  const parts = { typeName: text.slice(0, first), instanceId: text.slice(first + 1, second), localId: text.slice(second + 1) };
  if (!TYPE_NAME.test(parts.typeName) || !INSTANCE_ID.test(parts.instanceId)) throw malformed();
  return parts;
}

/** The numeric local id of a decoded global id, or null when it is not a positive integer. */
export function numericLocalId(parts: GlobalIdParts): number | null {
  return /^\d{1,15}$/.test(parts.localId) ? Number(parts.localId) : null;
}
