import { readFileSync } from 'node:fs';
import type { GatewayConfig } from './schema.js';

type Env = Readonly<Record<string, string | undefined>>;

/** A secret file's value: its content less one trailing newline (what `echo secret > file` leaves). */
export function readSecretFile(path: string): string {
  return readFileSync(path, 'utf8').replace(/\r?\n$/, '');
}

/**
 * What a changed secret affects, so the gateway applies it where it is used (src/gateway.ts):
 * `upstream` — a service account's password, bearer token or Google key file (its sources are retired:
 * the next call logs in with the new one); `tls` — an upstream's CA, client certificate or key (a new
 * connection pool); `callers` — API keys and callers' own upstream credentials; `collectors` — an
 * upstream's collector identity (the collectors' sources there are retired); `notifications` — webhook and SMTP secrets; `redis` — the shared layer's passwords;
 * `telemetry` — trace export headers.
 */
export type SecretScope =
  | { readonly kind: 'upstream' | 'tls' | 'collectors'; readonly upstreamId: string }
  | { readonly kind: 'callers' | 'notifications' | 'redis' | 'telemetry' };

/** A secret read from a file: reread when the file changes or on SIGHUP (SecretFileWatcher). */
export interface FileSecret {
  /** The config key it fills, e.g. `upstreams[0].passwordFile`: what logs name, never the value. */
  readonly where: string;
  readonly file: string;
  readonly scope: SecretScope;
  /** The file's value now; throws when it cannot be read. */
  read(): string;
  /** Writes a new value where the config holds it. */
  apply(value: string): void;
  /** The value last read (applied). */
  last: string;
}

const fileSecrets = new WeakMap<GatewayConfig, FileSecret[]>();

/** Every file secret of a parsed config, in config order. */
export function fileSecretsOf(config: GatewayConfig): readonly FileSecret[] {
  return fileSecrets.get(config) ?? [];
}

/** Adds a file secret of `config` (the loader's and the watcher's; the value is applied by the caller). */
export function addFileSecret(config: GatewayConfig, secret: FileSecret): void {
  const list = fileSecrets.get(config) ?? [];
  list.push(secret);
  fileSecrets.set(config, list);
}

/**
 * Resolves every secret field of `config` in place: each `x` may be given as itself, `xEnv` (the
 * variable; when it is unset, its `…_FILE` twin names a file) or `xFile`, at most one of the three.
 * Files are read now and recorded for rereading. Throws an Error naming the key (never a value).
 */
export function resolveConfigSecrets(config: GatewayConfig, env: Env): void {
  const secret = (where: string, holder: object, key: string, scope: SecretScope): void => resolveField(config, env, where, holder as Record<string, unknown>, key, scope);
  const redis = config.redis;
  if (redis && !('url' in redis)) {
    secret('redis', redis, 'password', { kind: 'redis' });
    if ('sentinels' in redis) secret('redis', redis, 'sentinelPassword', { kind: 'redis' });
  }
  config.upstreams.forEach((u, i) => {
    secret(`upstreams[${i}]`, u, 'password', { kind: 'upstream', upstreamId: u.id });
    secret(`upstreams[${i}]`, u, 'bearerToken', { kind: 'upstream', upstreamId: u.id });
  });
  const traces = config.telemetry.traces;
  if (traces) {
    for (const [header, name] of Object.entries(traces.headersEnv ?? {})) {
      fromEnv(config, env, `telemetry.traces.headersEnv.${header}`, name, (v) => (traces.headers[header] = v), { kind: 'telemetry' });
    }
    for (const [header, file] of Object.entries(traces.headersFile ?? {})) {
      fromFile(config, `telemetry.traces.headersFile.${header}`, file, (v) => (traces.headers[header] = v), { kind: 'telemetry' });
    }
  }
  config.notifications.webhooks.forEach((w, i) => secret(`notifications.webhooks[${i}]`, w, 'secret', { kind: 'notifications' }));
  config.notifications.email.forEach((e, i) => secret(`notifications.email[${i}].smtp`, e.smtp, 'pass', { kind: 'notifications' }));
  for (const [upstreamId, cred] of Object.entries(config.collectors.identities)) {
    secret(`collectors.identities.${upstreamId}`, cred, 'password', { kind: 'collectors', upstreamId });
    secret(`collectors.identities.${upstreamId}`, cred, 'bearerToken', { kind: 'collectors', upstreamId });
  }
  config.callers.forEach((c, i) => {
    secret(`callers[${i}]`, c, 'apiKey', { kind: 'callers' });
    for (const [upstreamId, cred] of Object.entries(c.credentials ?? {})) {
      secret(`callers[${i}].credentials.${upstreamId}`, cred, 'password', { kind: 'callers' });
      secret(`callers[${i}].credentials.${upstreamId}`, cred, 'bearerToken', { kind: 'callers' });
    }
  });
}

function resolveField(config: GatewayConfig, env: Env, where: string, holder: Record<string, unknown>, key: string, scope: SecretScope): void {
  const envName = holder[`${key}Env`] as string | undefined;
  const file = holder[`${key}File`] as string | undefined;
  const given = [holder[key], envName, file].filter((v) => v !== undefined).length;
  if (given > 1) throw new Error(`${where}.${file !== undefined ? `${key}File` : `${key}Env`}: give one of ${key}, ${key}Env, ${key}File`);
  const apply = (value: string): void => {
    holder[key] = value;
  };
  if (envName !== undefined) fromEnv(config, env, `${where}.${key}Env`, envName, apply, scope);
  if (file !== undefined) fromFile(config, `${where}.${key}File`, file, apply, scope);
}

/** The variable `name`'s value; when it is unset, the file its `…_FILE` twin names (then watched). */
function fromEnv(config: GatewayConfig, env: Env, where: string, name: string, apply: (value: string) => void, scope: SecretScope): void {
  const value = env[name];
  const twin = env[`${name}_FILE`];
  if (value !== undefined && value !== '') apply(value);
  else if (twin !== undefined && twin !== '') fromFile(config, `${where} (${name}_FILE)`, twin, apply, scope);
  else throw new Error(`${where}: environment variable ${name} is not set (nor ${name}_FILE)`);
}

function fromFile(config: GatewayConfig, where: string, file: string, apply: (value: string) => void, scope: SecretScope): void {
  let value: string;
  try {
    value = readSecretFile(file);
  } catch (e) {
    throw new Error(`${where}: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  apply(value);
  addFileSecret(config, { where, file, scope, read: () => readSecretFile(file), apply, last: value });
}
