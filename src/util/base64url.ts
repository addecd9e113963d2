/**
 * base64url (RFC 4648 §5, without padding) of a string's UTF-8 bytes: what
 * `Buffer.from(text, 'utf8').toString('base64url')` gives. Global ids and job cursors are made by the
 * hundred per page (each edge's id, its relations' ids, its cursor), and they are ASCII: such text is
 * encoded here from its characters into one reused buffer, without a Buffer of the text first
 * (docs/performance.md, "Cursors and ids"). Anything else goes through Buffer.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const CODES = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
/** Past this the text goes through Buffer: the scratch buffer stays small. */
const MAX_SCRATCH = 16 * 1024;
let scratch = Buffer.allocUnsafeSlow(512);

export function base64UrlOf(text: string): string {
  const n = text.length;
  const size = Math.ceil(n / 3) * 4;
  if (size > MAX_SCRATCH) return viaBuffer(text);
  if (size > scratch.length) scratch = Buffer.allocUnsafeSlow(Math.min(MAX_SCRATCH, Math.max(size, 2 * scratch.length)));
  const out = scratch;
  let o = 0;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const a = text.charCodeAt(i);
    const b = text.charCodeAt(i + 1);
    const c = text.charCodeAt(i + 2);
    if ((a | b | c) > 0x7f) return viaBuffer(text);
    const v = (a << 16) | (b << 8) | c;
    out[o++] = CODES[v >>> 18] as number;
    out[o++] = CODES[(v >>> 12) & 63] as number;
    out[o++] = CODES[(v >>> 6) & 63] as number;
    out[o++] = CODES[v & 63] as number;
  }
  const rest = n - i;
  if (rest > 0) {
    const a = text.charCodeAt(i);
    const b = rest > 1 ? text.charCodeAt(i + 1) : 0;
    if ((a | b) > 0x7f) return viaBuffer(text);
    const v = (a << 16) | (b << 8);
    out[o++] = CODES[v >>> 18] as number;
    out[o++] = CODES[(v >>> 12) & 63] as number;
    if (rest > 1) out[o++] = CODES[(v >>> 6) & 63] as number;
  }
  return out.toString('latin1', 0, o);
}

function viaBuffer(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
