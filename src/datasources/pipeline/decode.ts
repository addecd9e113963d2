import { parseJsonBytes, type JsonBytesOptions } from './json-bytes.js';
import { bomLength, JSON_BYTES, skipSpace } from './json-scan.js';

const { OPEN_BRACE, OPEN_BRACKET } = JSON_BYTES;

/** A decoded answer body, or the fact that it claimed to be JSON and was not (with its text, for errors). */
export type Decoded = { ok: true; body: unknown } | { ok: false; text: string };

const JSON_TYPE = /^(application|text)\/([\w.+-]*\+)?json\b/i;

/**
 * JSON when the content type says so, or when an untyped/mislabelled body looks like JSON (Commvault
 * sometimes answers JSON as `text/plain`); the raw text otherwise. An empty body is '' whatever the
 * type (204, HEAD). A body that claims JSON but does not parse is `{ ok: false }`: better an
 * UPSTREAM_ERROR than a mapper reading half an answer. JSON is parsed from the bytes
 * (json-bytes.ts): a large list never becomes one string, and the lists `json.lazyLists` names are
 * parsed item by item when read.
 */
export function decodeBody(bytes: Uint8Array, contentType: string | undefined, json: Pick<JsonBytesOptions, 'lazyLists' | 'malformed' | 'listBounds'> = {}): Decoded {
  const start = bomLength(bytes);
  if (bytes.length === start) return { ok: true, body: '' };
  const claimsJson = contentType !== undefined && JSON_TYPE.test(contentType.trim());
  if (claimsJson) {
    try {
      return { ok: true, body: parseJsonBytes(bytes, json) };
    } catch {
      return { ok: false, text: bodyText(bytes) };
    }
  }
  const head = bytes[skipSpace(bytes, start)];
  if (head === OPEN_BRACE || head === OPEN_BRACKET) {
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
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', bomLength(bytes));
}
