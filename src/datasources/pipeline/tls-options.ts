import type { ConnectionOptions } from 'node:tls';
import type { UpstreamConfig } from '../../config/schema.js';

/**
 * How the gateway checks an upstream's certificate, as `Query.upstreams` shows it:
 * `NOT_TLS` (plain `http:`), `VERIFIED` (verified against the system's or the configured CA),
 * `DISABLED` (`tls.rejectUnauthorized: false`: any certificate is accepted).
 */
export type TlsVerification = 'NOT_TLS' | 'VERIFIED' | 'DISABLED';

export function tlsVerificationOf(upstream: Pick<UpstreamConfig, 'url' | 'tls'>): TlsVerification {
  if (new URL(upstream.url).protocol !== 'https:') return 'NOT_TLS';
  return upstream.tls?.rejectUnauthorized === false ? 'DISABLED' : 'VERIFIED';
}

/**
 * The TLS part of one upstream's undici `connect` options. PEM values are already text here (parseConfig
 * read the files). Only the keys the config sets are passed, so the defaults (system CAs, verification
 * on) stay Node's.
 */
export function tlsConnectOptions(upstream: Pick<UpstreamConfig, 'tls'>): ConnectionOptions {
  const tls = upstream.tls;
  if (!tls) return {};
  const options: ConnectionOptions = {};
  if (tls.ca !== undefined) options.ca = tls.ca;
  if (tls.cert !== undefined) options.cert = tls.cert;
  if (tls.key !== undefined) options.key = tls.key;
  if (tls.servername !== undefined) options.servername = tls.servername;
  if (tls.rejectUnauthorized === false) options.rejectUnauthorized = false;
  return options;
}

/** Node's codes for a certificate chain that ends at no authority the gateway trusts. */
const UNKNOWN_CA = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
]);

const REASONS: Readonly<Record<string, string>> = {
  ERR_TLS_CERT_ALTNAME_INVALID: 'its certificate does not name this host',
  CERT_HAS_EXPIRED: 'its certificate has expired',
  CERT_NOT_YET_VALID: 'its certificate is not valid yet',
  CERT_REVOKED: 'its certificate is revoked',
  CERT_SIGNATURE_FAILURE: 'its certificate signature is invalid',
  ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED: 'it requires a client certificate (tls.cert, tls.key)',
  ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE: 'it refused the gateway\'s client certificate',
  ERR_SSL_TLSV1_ALERT_UNKNOWN_CA: 'it does not trust the gateway\'s client certificate',
  ERR_SSL_WRONG_VERSION_NUMBER: 'it does not speak TLS on this port',
  ERR_SSL_PACKET_LENGTH_TOO_LONG: 'it does not speak TLS on this port',
};

/**
 * A sentence for a TLS failure's transport code (`UNABLE_TO_VERIFY_LEAF_SIGNATURE`,
 * `ERR_TLS_CERT_ALTNAME_INVALID`, `ERR_SSL_…`), or undefined when the code is not about TLS. It names no
 * host or certificate subject: it reaches clients.
 */
export function tlsFailureReason(code: string | undefined): string | undefined {
  if (code === undefined) return undefined;
  if (UNKNOWN_CA.has(code)) return 'its certificate is signed by an unknown authority (tls.ca)';
  const known = REASONS[code];
  if (known) return known;
  if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || code === 'EPROTO') return 'the TLS handshake failed';
  if (code.startsWith('CERT_') || code.includes('_CERT')) return 'its certificate was refused';
  return undefined;
}
