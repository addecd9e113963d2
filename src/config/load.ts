import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { configSchema, type GatewayConfig, type UpstreamConfig } from './schema.js';
import { readPem } from './pem.js';
import { addFileSecret, resolveConfigSecrets } from './secret-refs.js';
import { demoCallers } from './demo.js';
import type { DemoUpstream, UpstreamKindSpec } from '../datasources/product.js';
import { DEMO_UPSTREAMS, UPSTREAM_KINDS, WINDOW_BUDGET_KINDS } from '../products.js';

/** A configuration that cannot run: the message names the bad key. Stops the start. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads the one configuration object, once, at start: the file named by `BACKUP_GRAPH_CONFIG` (YAML or
 * JSON), then environment overrides (`PORT`, `REDIS_URL`, `LOG_LEVEL`, `BACKUP_GRAPH_STORE_URL`,
 * `BACKUP_GRAPH_STORE_DIR`), then `…Env` secret indirections.
 * Without a file the gateway runs its demo: built-in simulators and the demo callers.
 */
export async function loadConfig(env: Env = process.env): Promise<GatewayConfig> {
  const path = env.BACKUP_GRAPH_CONFIG;
  let raw: unknown;
  if (path) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (e) {
      throw new ConfigError(`BACKUP_GRAPH_CONFIG: cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? e}`);
    }
    try {
      raw = parseYaml(text) ?? {};
    } catch (e) {
      throw new ConfigError(`BACKUP_GRAPH_CONFIG: ${path} is not valid YAML or JSON: ${(e as Error).message}`);
    }
  } else {
    raw = demoConfigInput(env);
  }
  return parseConfig(applyEnvOverrides(raw, env), env);
}

/**
 * loadConfig for a command's entry point (`npm start`, `npm run migrate`): a configuration error is
 * printed as one line naming `program` and ends the process with EX_CONFIG (78).
 */
export async function loadConfigOrExit(program: string, env: Env = process.env): Promise<GatewayConfig> {
  try {
    return await loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${program}: configuration error: ${e.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }
}

/** Validates an already-parsed config object and resolves its secrets. Exposed for tests. */
export function parseConfig(raw: unknown, env: Env = process.env, kinds: Readonly<Record<string, UpstreamKindSpec>> = UPSTREAM_KINDS): GatewayConfig {
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(describeIssues(parsed.error.issues));
  const config = parsed.data;
  expandTenants(config, kinds);
  resolveSecrets(config, env);
  resolveTlsPem(config);
  resolveDemoPorts(config, DEMO_UPSTREAMS);
  checkReferences(config, kinds);
  applyKindDefaults(config, kinds);
  return config;
}

/**
 * Turns each entry that lists `tenants` (an MSP service account, docs/upstreams/commvault-cloud-msp.md)
 * into one upstream per tenant, in its place: the entry's settings and credentials, the tenant's id,
 * `operatorCompanyId` and buckets. References to the entry's id (callers' `upstreams` and `credentials`,
 * `collectors.exclude` and `identities`) then stand for all its tenants.
 */
export function expandTenants(config: GatewayConfig, kinds: Readonly<Record<string, UpstreamKindSpec>> = UPSTREAM_KINDS): GatewayConfig {
  const tenantsOf = new Map<string, string[]>();
  config.upstreams = config.upstreams.flatMap((entry, i) => {
    const { tenants, ...rest } = entry;
    if (tenants === undefined) return [entry];
    if (!kinds[entry.kind]?.tenants) throw new ConfigError(`upstreams[${i}].tenants: only for a kind whose service account reaches tenants, not ${entry.kind}`);
    if (entry.operatorCompanyId !== undefined) throw new ConfigError(`upstreams[${i}].operatorCompanyId: each tenant gives its own companyId`);
    const seen = new Set<number>();
    tenantsOf.set(entry.id, tenants.map((t) => t.id));
    return tenants.map((t, j) => {
      if (seen.has(t.companyId)) throw new ConfigError(`upstreams[${i}].tenants[${j}].companyId: ${t.companyId} is listed twice`);
      seen.add(t.companyId);
      const upstream: UpstreamConfig = { ...structuredClone(rest), id: t.id, operatorCompanyId: t.companyId };
      if (t.rateLimit?.read) upstream.rateLimit.read = { ...t.rateLimit.read };
      if (t.rateLimit?.write) upstream.rateLimit.write = { ...t.rateLimit.write };
      return upstream;
    });
  });
  if (tenantsOf.size === 0) return config;
  const expand = (ids: readonly string[]): string[] => [...new Set(ids.flatMap((id) => tenantsOf.get(id) ?? [id]))];
  const expandRecord = <T>(record: Record<string, T>): Record<string, T> =>
    Object.fromEntries(Object.entries(record).flatMap(([id, value]) => (tenantsOf.get(id) ?? [id]).map((t) => [t, structuredClone(value)] as const)));
  for (const c of config.callers) {
    if (c.upstreams) c.upstreams = expand(c.upstreams);
    if (c.credentials) c.credentials = expandRecord(c.credentials);
  }
  config.collectors.exclude = expand(config.collectors.exclude);
  config.collectors.identities = expandRecord(config.collectors.identities);
  return config;
}

/**
 * Fills each upstream's buckets its config leaves out with its kind's defaults (the product's
 * UpstreamKindSpec), so the pipeline reads one complete budget per upstream.
 */
export function applyKindDefaults(config: GatewayConfig, kinds: Readonly<Record<string, UpstreamKindSpec>> = UPSTREAM_KINDS): GatewayConfig {
  for (const u of config.upstreams) {
    const spec = kinds[u.kind];
    if (!spec) continue;
    u.rateLimit.read ??= { ...spec.rateLimits.read };
    u.rateLimit.write ??= { ...spec.rateLimits.write };
    u.rateLimit.shared ??= spec.sharedBudget;
  }
  return config;
}

/** The demo configuration (`npm start` without a config file), for tools and tests that start the demo with changes. */
export function demoConfigInput(env: Env): Record<string, unknown> {
  // Each demo upstream's simulator port: its environment variable, else its default. The upstream URL
  // names that port (when it is 0 the gateway rewrites the URL once the simulator listens).
  const ports = Object.fromEntries(DEMO_UPSTREAMS.map((d) => [d.id, intFromEnv(env, d.portEnv) ?? d.defaultPort]));
  const demo = { ports, simLatencyMs: intFromEnv(env, 'SIM_LATENCY_MS') ?? 0 };
  const upstreams = DEMO_UPSTREAMS.map((d) => d.upstreamInput(ports[d.id] as number));
  // The Cloud tenant's window-safe burst is a handful of reads that a caller's first query needs whole;
  // collecting from it at start would leave callers its refill only (docs/history.md "Collectors").
  const collectors = { exclude: upstreams.filter((u) => WINDOW_BUDGET_KINDS.has(String((u as { kind?: string }).kind))).map((u) => (u as { id: string }).id) };
  return { callers: demoCallers(DEMO_UPSTREAMS), upstreams, demo, collectors };
}

/**
 * Completes `demo.ports` (each demo's port from `ports`, else its older key such as `commvaultSimPort`,
 * else its default) and refuses ports for unknown demos and two demos on one fixed port.
 */
export function resolveDemoPorts(config: GatewayConfig, demos: readonly DemoUpstream[]): void {
  const demo = config.demo;
  if (!demo) return;
  for (const id of Object.keys(demo.ports)) {
    if (!demos.some((d) => d.id === id)) {
      throw new ConfigError(`demo.ports.${id}: no demo upstream has this id (one of ${demos.map((d) => `"${d.id}"`).join(', ')})`);
    }
  }
  const owner = new Map<number, string>();
  for (const d of demos) {
    const legacy = d.legacyPortKey === undefined ? undefined : demo[d.legacyPortKey];
    if (legacy !== undefined && demo.ports[d.id] !== undefined && legacy !== demo.ports[d.id]) {
      throw new ConfigError(`demo.${d.legacyPortKey}: the older name of demo.ports.${d.id}, which gives another port`);
    }
    const port = demo.ports[d.id] ?? legacy ?? d.defaultPort;
    demo.ports[d.id] = port;
    const other = owner.get(port);
    if (port !== 0 && other !== undefined) throw new ConfigError(`demo.ports.${d.id}: port ${port} is also ${other}'s`);
    owner.set(port, d.id);
  }
}

function applyEnvOverrides(raw: unknown, env: Env): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigError('config: the top level must be a mapping');
  }
  const out: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  const port = intFromEnv(env, 'PORT');
  if (port !== undefined) out.server = { ...(out.server as object | undefined), port };
  if (env.REDIS_URL) out.redis = { url: env.REDIS_URL };
  if (env.LOG_LEVEL) out.logLevel = env.LOG_LEVEL;
  if (env.BACKUP_GRAPH_STORE_URL || env.BACKUP_GRAPH_STORE_DIR) {
    const store = { ...(out.store as object | undefined) } as Record<string, unknown>;
    if (env.BACKUP_GRAPH_STORE_URL) store.url = env.BACKUP_GRAPH_STORE_URL;
    if (env.BACKUP_GRAPH_STORE_DIR) store.dir = env.BACKUP_GRAPH_STORE_DIR;
    out.store = store;
  }
  if (env.BACKUP_GRAPH_COLLECTOR_HOLDER) out.collectors = { ...(out.collectors as object | undefined), holder: env.BACKUP_GRAPH_COLLECTOR_HOLDER };
  return out;
}

function intFromEnv(env: Env, name: string): number | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value)) throw new ConfigError(`${name}: must be a whole number, got "${value}"`);
  return Number(value);
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => `${formatPath(issue.path) || 'config'}: ${issue.message}`)
    .join('; ');
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

/**
 * Reads each upstream's TLS PEM files (a value that is PEM text stays as it is), so a missing or
 * unreadable file stops the start naming its key, and records them for rereading (a changed file gives
 * the upstream a new connection pool); refuses `tls` on an upstream that is not `https:`.
 */
function resolveTlsPem(config: GatewayConfig): void {
  config.upstreams.forEach((u, i) => {
    const tls = u.tls;
    if (!tls) return;
    if (new URL(u.url).protocol !== 'https:') throw new ConfigError(`upstreams[${i}].tls: the url is not https:`);
    for (const key of ['ca', 'cert', 'key'] as const) {
      const value = tls[key];
      if (value === undefined) continue;
      const where = `upstreams[${i}].tls.${key}`;
      const read = (): string => readPem(where, value);
      let pem: string;
      try {
        pem = read();
      } catch (e) {
        throw new ConfigError((e as Error).message);
      }
      if (pem === value) continue; // inline PEM: nothing to reread
      tls[key] = pem;
      addFileSecret(config, { where, file: value, scope: { kind: 'tls', upstreamId: u.id }, read, apply: (v) => (tls[key] = v), last: pem });
    }
  });
}

/** Resolves every secret (value, `…Env`, its `…_FILE` twin, or `…File`); see secret-refs.ts. */
function resolveSecrets(config: GatewayConfig, env: Env): void {
  try {
    resolveConfigSecrets(config, env);
  } catch (e) {
    throw new ConfigError((e as Error).message);
  }
}

function checkReferences(config: GatewayConfig, kinds: Readonly<Record<string, UpstreamKindSpec>>): void {
  const upstreamIds = new Set<string>();
  config.upstreams.forEach((u, i) => {
    if (upstreamIds.has(u.id)) throw new ConfigError(`upstreams[${i}].id: "${u.id}" is used twice`);
    upstreamIds.add(u.id);
    const spec = Object.hasOwn(kinds, u.kind) ? kinds[u.kind] : undefined;
    if (!spec) {
      const known = Object.keys(kinds).map((k) => `"${k}"`).join(', ');
      throw new ConfigError(`upstreams[${i}].kind: unknown kind "${u.kind}" (one of ${known})`);
    }
    if (spec.credential === 'bearerToken') {
      const google = u.auth?.google;
      if (!u.bearerToken && !google) throw new ConfigError(`upstreams[${i}].bearerToken: required for kind ${u.kind} (or bearerTokenEnv, or auth.google)`);
      if (u.bearerToken && google) throw new ConfigError(`upstreams[${i}]: bearerToken and auth.google are alternatives; give one`);
      if (google?.token === 'id' && !google.audience) throw new ConfigError(`upstreams[${i}].auth.google.audience: required for token "id" (the console's OAuth client id)`);
    } else {
      if (u.auth) throw new ConfigError(`upstreams[${i}].auth: only for Backup and DR consoles, not kind ${u.kind}`);
      if (!u.username) throw new ConfigError(`upstreams[${i}].username: required for kind ${u.kind}`);
      if (!u.password) throw new ConfigError(`upstreams[${i}].password: required for kind ${u.kind} (or passwordEnv)`);
    }
  });
  const callerIds = new Set<string>();
  const apiKeys = new Set<string>();
  config.callers.forEach((c, i) => {
    if (callerIds.has(c.id)) throw new ConfigError(`callers[${i}].id: "${c.id}" is used twice`);
    callerIds.add(c.id);
    if (!c.apiKey) throw new ConfigError(`callers[${i}].apiKey: required (or apiKeyEnv)`);
    if (apiKeys.has(c.apiKey)) throw new ConfigError(`callers[${i}].apiKey: the same key is given to two callers`);
    apiKeys.add(c.apiKey);
    c.upstreams?.forEach((id, j) => {
      if (!upstreamIds.has(id)) {
        throw new ConfigError(`callers[${i}].upstreams[${j}]: no upstream has id "${id}"`);
      }
    });
    for (const id of Object.keys(c.credentials ?? {})) {
      if (!upstreamIds.has(id)) {
        throw new ConfigError(`callers[${i}].credentials.${id}: no upstream has id "${id}"`);
      }
    }
  });
  if (config.upstreams.length === 0) throw new ConfigError('upstreams: at least one upstream is required');
  if (config.persistedQueries.apq.store === 'redis' && !config.redis) {
    throw new ConfigError('persistedQueries.apq.store: "redis" needs `redis` (a url, sentinels or cluster; or REDIS_URL)');
  }
}
