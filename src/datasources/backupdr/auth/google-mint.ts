import { readFile } from 'node:fs/promises';
import type { AuthClient, JWT } from 'google-auth-library';
import type { GoogleTokenConfig } from '../../../config/schema.js';
import { ErrorCode } from '../../../errors/codes.js';
import { GatewayError } from '../../../errors/gateway-error.js';
import type { BearerToken } from './token-source.js';

export const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';

/** Where the library sends a key file's JWT-bearer grant, whatever the key file says (docs/upstreams/backupdr.md §2.9). */
const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';

/** What a mint or a token-bearing client may call: `access_token` clients and ID-token providers alike. */
type MintingClient = AuthClient & { fetchIdToken?: (audience: string, options?: { includeEmail: boolean }) => Promise<string> };

/**
 * A function that mints a new Google token for a console on every call (MintingTokenSource caches):
 * with google-auth-library, from the key file or Application Default Credentials, impersonating
 * `serviceAccount` through IAM Credentials when one is set; an access token with the cloud-platform scope
 * (bmc- consoles) or an ID token whose audience is the console's OAuth client id (agm- consoles).
 * Any failure is UPSTREAM_AUTH carrying Google's message.
 */
export function googleMint(instanceId: string, config: GoogleTokenConfig): () => Promise<BearerToken> {
  let client: Promise<MintingClient> | undefined;
  return async () => {
    try {
      // Built on first use (a key file is read then), and again after a failure to build it.
      client ??= buildClient(config).catch((error: unknown) => {
        client = undefined;
        throw error;
      });
      return await mintWith(await client, config);
    } catch (error) {
      throw mintFailed(instanceId, config, error);
    }
  };
}

/**
 * google-auth-library loaded on the first mint: it is some 50 modules (gaxios and the rest) that a
 * gateway without Google-minted tokens, and every test file that starts one, would load for nothing.
 */
const googleAuthLibrary = () => import('google-auth-library');

async function buildClient(config: GoogleTokenConfig): Promise<MintingClient> {
  const { GoogleAuth, Impersonated } = await googleAuthLibrary();
  const transporterOptions = config.tokenEndpoint ? { fetchImplementation: redirectingFetch(GOOGLE_TOKEN_URL, config.tokenEndpoint) } : undefined;
  const source: MintingClient = config.keyFile
    ? await keyFileClient(config.keyFile, transporterOptions)
    : await new GoogleAuth({ scopes: [CLOUD_PLATFORM_SCOPE], clientOptions: transporterOptions && { transporterOptions } }).getClient();
  if (!config.serviceAccount) return source;
  return new Impersonated({
    sourceClient: source,
    targetPrincipal: config.serviceAccount,
    targetScopes: [CLOUD_PLATFORM_SCOPE],
    delegates: [],
    lifetime: config.lifetimeSeconds,
    ...(config.iamEndpoint ? { endpoint: config.iamEndpoint.replace(/\/+$/, '') } : {}),
  });
}

/**
 * A service-account key file as `JWT` (the library's own `keyFilename` path is deprecated). Other
 * credential files (user, external account) go through ADC: GOOGLE_APPLICATION_CREDENTIALS.
 */
async function keyFileClient(path: string, transporterOptions: { fetchImplementation: typeof fetch } | undefined): Promise<JWT> {
  const json = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  if (json.type !== 'service_account' || typeof json.client_email !== 'string' || typeof json.private_key !== 'string') {
    throw new Error('the key file is not a service-account key (type "service_account" with client_email and private_key); for other credentials leave keyFile out and set GOOGLE_APPLICATION_CREDENTIALS');
  }
  const { JWT } = await googleAuthLibrary();
  return new JWT({
    email: json.client_email,
    key: json.private_key,
    keyId: typeof json.private_key_id === 'string' ? json.private_key_id : undefined,
    // Always scopes: without them the library sends a self-signed JWT instead of an OAuth token.
    scopes: [CLOUD_PLATFORM_SCOPE],
    ...(transporterOptions ? { transporterOptions } : {}),
  });
}

async function mintWith(client: MintingClient, config: GoogleTokenConfig): Promise<BearerToken> {
  if (config.token === 'id') {
    if (!client.fetchIdToken) throw new Error('these credentials cannot mint ID tokens');
    const value = await client.fetchIdToken(config.audience ?? '', { includeEmail: true });
    return { value, expiresAtMs: jwtExpiryMs(value) };
  }
  // `expiry_date = 1` makes the library mint anew whatever it cached (a JWT client would otherwise hand
  // back the same token while it is fresh); `setCredentials({})` would lose its refresh placeholder.
  client.credentials.expiry_date = 1;
  const { token } = await client.getAccessToken();
  const expiresAtMs = client.credentials.expiry_date;
  if (!token) throw new Error('Google answered without an access token');
  return { value: token, expiresAtMs: typeof expiresAtMs === 'number' && expiresAtMs > 1 ? expiresAtMs : Date.now() + config.lifetimeSeconds * 1000 };
}

/** An ID token's `exp` claim in ms; a token without one is treated as living the usual hour. */
function jwtExpiryMs(jwt: string): number {
  try {
    const claims = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown };
    if (typeof claims.exp === 'number') return claims.exp * 1000;
  } catch {
    // fall through
  }
  return Date.now() + 60 * 60_000;
}

/** `fetch` sending what the library addresses to `from` to `to` instead: the key-file grant's only seam. */
function redirectingFetch(from: string, to: string): typeof fetch {
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url !== from && !url.startsWith(`${from}?`)) return fetch(input, init);
    return fetch(to + url.slice(from.length), init);
  };
}

function mintFailed(instanceId: string, config: GoogleTokenConfig, error: unknown): GatewayError {
  // Google's own words ("PERMISSION_DENIED: unable to impersonate: …", "invalid_grant: …"), never a URL.
  let said = (error instanceof Error ? error.message : String(error)).replace(/https?:\/\/\S+/g, '<url>');
  // A missing or unreadable key file names its path: the server's layout is not the caller's business.
  if (config.keyFile) said = said.replaceAll(config.keyFile, 'the key file');
  said = said.slice(0, 500);
  const who = config.serviceAccount ?? (config.keyFile ? 'the key file account' : 'the default credentials');
  return new GatewayError(ErrorCode.UPSTREAM_AUTH, `Console ${instanceId}: no Google ${config.token === 'id' ? 'ID' : 'access'} token for ${who}: ${said}`, {
    // No `status`: Google's token service answered, not the console.
    upstream: { instance: instanceId },
    cause: error,
  });
}
