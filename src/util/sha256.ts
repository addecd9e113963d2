import { createHash } from 'node:crypto';

/** Hex SHA-256 of a UTF-8 string: API-key digests, credential keys, persisted-query hashes. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
