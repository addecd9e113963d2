/** A decoded answer body, or the fact that it claimed to be JSON and was not. */
export type Decoded = { ok: true; body: unknown } | { ok: false };

const JSON_TYPE = /^(application|text)\/([\w.+-]*\+)?json\b/i;

/**
 * JSON when the content type says so, or when an untyped/mislabelled body looks like JSON (Commvault
 * sometimes answers JSON as `text/plain`); the raw text otherwise. An empty body is '' whatever the
 * type (204, HEAD). A body that claims JSON but does not parse is `{ ok: false }`: better an
 * UPSTREAM_ERROR than a mapper reading half an answer.
 */
export function decodeBody(text: string, contentType: string | undefined): Decoded {
  if (text.length === 0) return { ok: true, body: '' };
  const claimsJson = contentType !== undefined && JSON_TYPE.test(contentType.trim());
  if (claimsJson) {
    try {
      return { ok: true, body: JSON.parse(text) as unknown };
    } catch {
      return { ok: false };
    }
  }
  const head = text.trimStart()[0];
  if (head === '{' || head === '[') {
    try {
      return { ok: true, body: JSON.parse(text) as unknown };
    } catch {
      // Looked like JSON but the upstream never said it was: keep the text.
    }
  }
  return { ok: true, body: text };
}
