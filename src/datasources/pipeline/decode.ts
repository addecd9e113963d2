import { parseJsonBytes, type JsonBytesOptions } from './json-bytes.js';

/** A decoded answer body, or the fact that it claimed to be JSON and was not (with its text, for errors). */
export type Decoded = { ok: true; body: unknown } | { ok: false; text: string };

const JSON_TYPE = /^(application|text)\/([\w.+-]*\+)?json\b/i;
const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/**
 * JSON when the content type says so, or when an untyped/mislabelled body looks like JSON (Commvault
 * sometimes answers JSON as `text/plain`); the raw text otherwise. An empty body is '' whatever the
 * type (204, HEAD). A body that claims JSON but does not parse is `{ ok: false }`: better an
 * UPSTREAM_ERROR than a mapper reading half an answer. JSON is parsed from the bytes
 * (json-bytes.ts): a large list never becomes one string, and the lists `json.lazyLists` names are
 * parsed item by item when read.
 */
export function decodeBody(bytes: Uint8Array, contentType: string | undefined, json: Pick<JsonBytesOptions, 'lazyLists' | 'malformed'> = {}): Decoded {
  const start = hasBom(bytes) ? UTF8_BOM.length : 0;
  if (bytes.length === start) return { ok: true, body: '' };
  const claimsJson = contentType !== undefined && JSON_TYPE.test(contentType.trim());
  if (claimsJson) {
    try {
      return { ok: true, body: parseJsonBytes(bytes, json) };
    } catch {
      return { ok: false, text: bodyText(bytes) };
    }
  }
  const head = bytes[firstNonSpace(bytes, start)];
  if (head === 0x7b || head === 0x5b) {
    try {
      return { ok: true, body: parseJsonBytes(bytes, json) };
    } catch {
      // Looked like JSON but the upstream never said it was: keep the text.
    }
  }
  return { ok: true, body: bodyText(bytes) };
}

/** The body as text: UTF-8, a leading byte order mark dropped (as undici's `text()` drops it). */
export function bodyText(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', hasBom(bytes) ? UTF8_BOM.length : 0);
}

function hasBom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
}

function firstNonSpace(bytes: Uint8Array, at: number): number {
  while (at < bytes.length && (bytes[at] === 0x20 || bytes[at] === 0x0a || bytes[at] === 0x0d || bytes[at] === 0x09)) at++;
  return at;
}
