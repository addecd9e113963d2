import { z } from 'zod';
import { telemetrySchema } from './telemetry.js';
import { notificationsSchema } from './notifications.js';
import { DEFAULT_THRESHOLDS } from '../monitoring/thresholds.js';
import { DEFAULT_FORECAST_OPTIONS } from '../monitoring/forecast.js';
import { DEFAULT_ALERT_RULES } from '../collectors/alerts/rule-config.js';
import { Severity } from '../datasources/domain.js';

/** Defaults in named constants, so docs/configuration.md and the code cannot drift apart. */
export const DEFAULT_PORT = 4000;
export const DEFAULT_CACHE_MAX_BYTES = 64 * 1024 * 1024;
export const DEFAULT_RESPONSE_CACHE_MAX_BYTES = 32 * 1024 * 1024;
export const DEFAULT_RESPONSE_CACHE_MAX_ENTRIES = 10_000;
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 10_000;
export const DEFAULT_UPSTREAM_CONNECTIONS = 16;
export const DEFAULT_RATE_LIMIT_QUEUE_TIMEOUT_MS = 5_000;
export const DEFAULT_RATE_LIMIT_HEADROOM_TOKENS = 1;
export const DEFAULT_BATCH_MAX_OPERATIONS = 10;
/** Drain (10 s at most, the Apollo fastify drain plugin's bound) plus logouts at the upstream timeout (10 s) and margin. */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 30_000;
export const DEFAULT_CORS_MAX_AGE = 600;
export const DEFAULT_CORS_ALLOWED_HEADERS = ['authorization', 'content-type', 'apollo-require-preflight', 'x-apollo-operation-name'] as const;
/**
 * Largest request body, in bytes. A document at `limits.maxTokens` is ~20 KB and variables hold at most
 * 10 000 values; fastify's own default (1 MiB) let one 900 KB string literal cost 150 ms of CPU.
 */
export const DEFAULT_BODY_LIMIT = 256 * 1024;
export const DEFAULT_APQ_MAX_ENTRIES = 10_000;
export const DEFAULT_APQ_TTL_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_APQ_MAX_QUERY_BYTES = 64 * 1024;
/**
 * Estimated upstream calls one operation may make (src/plugins/cost). The operations/ documents
 * estimate, per CommServe (C) and console (B) the caller sees, with their default variables:
 * EstateHealth 47·C + 10·B, EstateHealthPage 16·C + 5·B, DashboardJobs (100 jobs) 2·C + 3·B (started and queued lists, HEAD), ConsoleJobs 5,
 * StorageCapacity C + B, StorageRunout 31·C + 31·B, CommvaultClients C, BrowseSubclient 2, RecentEvents 2·C + 2·B; the dashboard's
 * DashboardHealth 14·C + 3·B, DashboardEstate 35·C + 9·B, DashboardCapacity C + B, DashboardUpstreamOutcomes 1, CommServeHealth 29·C,
 * DashboardTrends C + B, DashboardAlerts 0 (the history store is not an upstream)
 * (docs/dashboard.md). 500 passes all of them for estates of up to ten
 * CommServes and three consoles (the demo's three Commvault upstreams and two consoles: 161 at most), and refuses what
 * fans out per item at full pages, e.g. 500 clients each with its backup
 * history (501 on one CommServe).
 */
export const DEFAULT_MAX_COST = 500;
/**
 * Document shape limits (src/plugins/document-limits.plugin.ts), checked before Apollo parses and
 * validates. The operations/ documents have at most 136 tokens, 0 aliases, 4 root fields (EstateHealth)
 * and 0 directives; GraphiQL's introspection query 163 tokens. These leave an analyst's hand-written
 * queries ten times that room and refuse the 20 000-alias document (120 002 tokens) at once.
 */
export const DEFAULT_MAX_TOKENS = 2_000;
export const DEFAULT_MAX_ALIASES = 30;
export const DEFAULT_MAX_ROOT_FIELDS = 20;
export const DEFAULT_MAX_DIRECTIVES = 50;
/** Live job progress (src/subscriptions): limits, keep-alive and the poll's timing. See docs/configuration.md. */
export const DEFAULT_SUBSCRIPTIONS = {
  enabled: true,
  roles: ['frontend', 'partner', 'analyst', 'admin'],
  maxPerCaller: 200,
  maxPerConnection: 50,
  keepAliveMs: 12_000,
  idleTimeoutMs: 300_000,
  connectionInitTimeoutMs: 3_000,
  poll: { minIntervalMs: 2_000, maxIntervalMs: 30_000, youngJobMs: 60_000, maxFailures: 5, leaseMs: 10_000 },
} as const;

/**
 * A configured upstream's kind, e.g. `commvault`, `commvault-cloud`, `backupdr`: each registered product
 * declares the kinds it serves with their default buckets (src/products.ts), and parseConfig refuses any other.
 */
export type UpstreamKind = string;

export const ROLES = ['frontend', 'partner', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A token bucket: `capacity` tokens, refilled continuously at `refillPerSecond`. */
const bucketSchema = z
  .object({
    capacity: z.number().positive(),
    refillPerSecond: z.number().positive(),
  })
  .strict();
export type BucketConfig = z.infer<typeof bucketSchema>;

const simPortSchema = z.number().int().min(0).max(65535);

/**
 * A secret field `x` of the config comes as the value (`x`), from an environment variable (`xEnv`; that
 * variable's `…_FILE` twin names a file instead), or from a file (`xFile`); files are reread on change
 * and on SIGHUP (src/config/secret-refs.ts, docs/configuration.md "Secrets").
 */
const secretRef = { password: z.string().optional(), passwordEnv: z.string().optional(), passwordFile: z.string().min(1).optional() };
const bearerRef = { bearerToken: z.string().optional(), bearerTokenEnv: z.string().optional(), bearerTokenFile: z.string().min(1).optional() };

/**
 * Backup and DR consoles: a Google token the gateway mints and renews itself (docs/upstreams/backupdr.md §2.1),
 * instead of a fixed `bearerToken`.
 */
const googleTokenSchema = z
  .object({
    /** The service account to impersonate (IAM Credentials); absent: the credentials' own account mints. */
    serviceAccount: z.string().min(1).optional(),
    /** A service-account key file (JSON) to mint with; absent: Application Default Credentials. */
    keyFile: z.string().min(1).optional(),
    /** `access`: OAuth access token, cloud-platform scope (bmc- consoles); `id`: ID token for `audience` (agm- consoles). @default access */
    token: z.enum(['access', 'id']).default('access'),
    /** `id` tokens: the console's OAuth client id (its `oauth2ClientId`), the token's `aud`. */
    audience: z.string().min(1).optional(),
    /** Lifetime asked of an impersonated access token. @default 3600 */
    lifetimeSeconds: z.number().int().min(1).max(43_200).default(3_600),
    /** A token is replaced this long before it expires (at most a fifth of its lifetime). @default 300000 */
    refreshBeforeMs: z.number().int().nonnegative().default(300_000),
    /** IAM Credentials API root instead of https://iamcredentials.googleapis.com (tests, the demo, private endpoints). */
    iamEndpoint: z.url().optional(),
    /** OAuth token endpoint for key files instead of https://oauth2.googleapis.com/token (tests, the demo). */
    tokenEndpoint: z.url().optional(),
  })
  .strict();
export type GoogleTokenConfig = z.infer<typeof googleTokenSchema>;

/** One upstream's TLS settings (src/datasources/pipeline/tls-options.ts turns them into the dispatcher's). */
const tlsSchema = z
  .object({
    /** Certificate authority (or bundle) the upstream's certificate must chain to, instead of the system's. */
    ca: z.string().min(1).optional(),
    /** Client certificate (chain) for mutual TLS; needs `key`. */
    cert: z.string().min(1).optional(),
    /** Private key of `cert` (unencrypted PEM). */
    key: z.string().min(1).optional(),
    /** Name checked against the certificate and sent as SNI, when the url's host is not it (an IP address). */
    servername: z.string().min(1).optional(),
    /** false accepts any certificate from this upstream (warned about at start, shown on Query.upstreams). @default true */
    rejectUnauthorized: z.boolean().default(true),
  })
  .strict()
  .refine((tls) => (tls.cert === undefined) === (tls.key === undefined), { message: 'cert and key go together (mutual TLS)' });
export type UpstreamTlsConfig = z.infer<typeof tlsSchema>;

/** One tenant an MSP service account reaches (docs/upstreams/commvault-cloud-msp.md). */
const tenantSchema = z
  .object({
    /** The tenant's upstream id: its own global ids, cache entries and budget. */
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'letters, digits, ".", "_" and "-" only'),
    /** The tenant's company id, sent as `operatorcompanyid` on each of its calls. */
    companyId: z.number().int().nonnegative(),
    /** This tenant's buckets, when its budget differs from the entry's (a raised limit). @default the entry's */
    rateLimit: z.object({ read: bucketSchema.optional(), write: bucketSchema.optional() }).strict().optional(),
  })
  .strict();

const upstreamSchema = z
  .object({
    /** Stable name of the upstream instance; part of global ids and cache keys. */
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'letters, digits, ".", "_" and "-" only'),
    /** One of the kinds a registered product serves (checked by parseConfig). */
    kind: z.string().min(1),
    /** API root as given (`…/webconsole/api`, `…/commandcenter/api`, `…/actifio`): resource paths are appended. */
    url: z.url(),
    /** Service account the gateway uses unless the caller brings its own upstream credential. */
    username: z.string().optional(),
    /**
     * The service account's password: `password`, `passwordEnv` or `passwordFile` (one trailing newline
     * dropped; reread when the file changes or on SIGHUP, and the next login uses it).
     */
    ...secretRef,
    /** Backup and DR consoles: OAuth bearer token (`bearerToken`, `bearerTokenEnv` or `bearerTokenFile`). */
    ...bearerRef,
    /**
     * Backup and DR consoles: how the gateway authenticates besides a fixed bearer. `google`: mint and renew
     * the Google token itself. `promoteUser`: after each login, `PUT /manageacl/promoteUser` (temporary
     * console admin for the session, for accounts with IAM ManageInternalACL); logged when used. @default off
     */
    auth: z
      .object({ google: googleTokenSchema.optional(), promoteUser: z.boolean().default(false) })
      .strict()
      .optional(),
    /**
     * Backup and DR consoles: how long a mutation that starts a job (`backupApplication`, `mountBackup`) looks
     * for it by its label, polling `/jobstatus` every `intervalMs`; not found in time, the payload says so.
     * @default { timeoutMs: 5000, intervalMs: 500 }
     */
    jobLookup: z
      .object({ timeoutMs: z.number().int().nonnegative().default(5_000), intervalMs: z.number().int().positive().default(500) })
      .strict()
      .default({ timeoutMs: 5_000, intervalMs: 500 }),
    /** Per-attempt timeout for one upstream call. @default 10000 */
    timeoutMs: z.number().int().positive().default(DEFAULT_UPSTREAM_TIMEOUT_MS),
    /** Keep-alive connections in the pool for this upstream. @default 16 */
    connections: z.number().int().positive().default(DEFAULT_UPSTREAM_CONNECTIONS),
    rateLimit: z
      .object({
        /** The upstream's read budget. @default the kind's (its product's UpstreamKindSpec), filled in by parseConfig */
        read: bucketSchema.optional(),
        /** The upstream's write budget. @default the kind's, filled in by parseConfig */
        write: bucketSchema.optional(),
        /** How long a call may wait for a token before it fails with RATE_LIMITED. @default 5000 */
        queueTimeoutMs: z.number().int().nonnegative().default(DEFAULT_RATE_LIMIT_QUEUE_TIMEOUT_MS),
        /**
         * Tokens of each bucket the gateway leaves unspent, so that calls which reach the upstream closer
         * together than they left (network and scheduling jitter) still find a token there. `read` and
         * `write` state the upstream's own limit; see withHeadroom. @default 1
         */
        headroomTokens: z.number().nonnegative().default(DEFAULT_RATE_LIMIT_HEADROOM_TOKENS),
        /**
         * One budget for every caller of this upstream, whatever credential each brings (a Commvault Cloud
         * tenant's limits are per tenant), instead of one per upstream identity.
         * @default the kind's (its product's UpstreamKindSpec), filled in by parseConfig
         */
        shared: z.boolean().optional(),
      })
      .strict()
      .default({ queueTimeoutMs: DEFAULT_RATE_LIMIT_QUEUE_TIMEOUT_MS, headroomTokens: DEFAULT_RATE_LIMIT_HEADROOM_TOKENS }),
    retry: z
      .object({
        /** Attempts in all for an idempotent read (1 = no retry). @default 3 */
        maxAttempts: z.number().int().min(1).max(10).default(3),
        /** First backoff step; doubles per attempt, full jitter. @default 100 */
        baseDelayMs: z.number().int().nonnegative().default(100),
      })
      .strict()
      .default({ maxAttempts: 3, baseDelayMs: 100 }),
    breaker: z
      .object({
        /** Consecutive failed calls that open the circuit. @default 5 */
        failureThreshold: z.number().int().positive().default(5),
        /** How long the circuit stays open before one trial call. @default 10000 */
        cooldownMs: z.number().int().positive().default(10_000),
      })
      .strict()
      .default({ failureThreshold: 5, cooldownMs: 10_000 }),
    /**
     * Commvault: how long the upstream keeps a session nobody uses (its token's idle timeout). A session
     * in use is renewed (`POST /RenewLoginToken`) once 80 % of this has passed since its login or last
     * renewal. @default 1800000 (30 minutes, Commvault's own default)
     */
    sessionIdleTimeoutMs: z.number().int().positive().optional(),
    /**
     * How the gateway checks this upstream's HTTPS certificate and proves itself (mutual TLS); only for
     * `https:` urls. PEM values are the PEM text itself or the path of a file holding it, read once at start.
     * @default the system's certificate authorities, verification on, no client certificate
     */
    tls: tlsSchema.optional(),
    /**
     * Commvault Cloud: the tenant company this upstream acts for, sent as `operatorcompanyid` on every call
     * (an MSP service account's tenant; `tenants` sets it). @default none (the user's own company)
     */
    operatorCompanyId: z.number().int().nonnegative().optional(),
    /**
     * Commvault Cloud MSP: the tenants this entry's service account reaches. At load the entry becomes one
     * upstream per tenant (its `id`, `operatorCompanyId` = `companyId`, its own budget), sharing the
     * service account and its login; callers' `upstreams` may name the entry's id for all of them.
     */
    tenants: z.array(tenantSchema).min(1).optional(),
  })
  .strict();

/** Credentials an upstream call runs as, instead of the upstream's service account. */
const upstreamCredentialSchema = z
  .object({
    username: z.string().optional(),
    ...secretRef,
    ...bearerRef,
  })
  .strict();

const callerSchema = z
  .object({
    id: z.string().min(1),
    /** The caller's key (`Authorization: Bearer <apiKey>`): `apiKey`, `apiKeyEnv` or `apiKeyFile` (reread on change). */
    apiKey: z.string().min(1).optional(),
    apiKeyEnv: z.string().optional(),
    apiKeyFile: z.string().min(1).optional(),
    role: z.enum(ROLES),
    /** Upstream ids this caller may see. @default all */
    upstreams: z.array(z.string()).optional(),
    /**
     * Lets an `analyst` or `frontend` caller run mutations (docs/operations.md). `admin` may always;
     * `partner` only through its trusted documents, whatever this says. @default false
     */
    mutations: z.boolean().optional(),
    /** The caller's own upstream credentials, by upstream id; otherwise the upstream's service account applies. */
    credentials: z.record(z.string(), upstreamCredentialSchema).optional(),
  })
  .strict();

/** What one role may send: free text, APQ registrations, introspection; and its own depth bound. */
export interface RolePolicy {
  freeQueries: boolean;
  apq: boolean;
  introspection: boolean;
  maxDepth?: number;
  maxCost?: number;
  maxTokens?: number;
  maxAliases?: number;
  maxRootFields?: number;
  maxDirectives?: number;
}

/** docs/partners.md: partners run only the safelist, analysts explore. */
export const DEFAULT_ROLE_POLICIES: Record<Role, RolePolicy> = {
  partner: { freeQueries: false, apq: false, introspection: false },
  frontend: { freeQueries: true, apq: true, introspection: false },
  analyst: { freeQueries: true, apq: true, introspection: true },
  admin: { freeQueries: true, apq: true, introspection: true },
};

const rolePolicySchema = (role: Role) => {
  const d = DEFAULT_ROLE_POLICIES[role];
  return z
    .object({
      /**
       * May send GraphQL text that is not a trusted document (a plain `query`). Without it, only
       * `documentId`, the APQ hash of a manifest document, or (with `apq`) an APQ registration run.
       * @default true, except partner: false
       */
      freeQueries: z.boolean().default(d.freeQueries),
      /**
       * May register documents in the APQ store and run registered ones by hash. Hashes of trusted
       * documents are accepted from every role whatever this says. @default true, except partner: false
       */
      apq: z.boolean().default(d.apq),
      /** May query `__schema` / `__type` (the playground's Docs need it). @default analyst and admin only */
      introspection: z.boolean().default(d.introspection),
      /** Deepest nesting for this role, below the global `limits.maxDepth`. @default none (the global limit) */
      maxDepth: z.number().int().positive().optional(),
      /** Most estimated upstream calls per operation for this role, below the global `limits.maxCost`. @default none (the global limit) */
      maxCost: z.number().int().positive().optional(),
      /** Most lexical tokens of a document for this role, below `limits.maxTokens`. @default none (the global limit) */
      maxTokens: z.number().int().positive().optional(),
      /** Most aliases of an operation for this role, below `limits.maxAliases`. @default none (the global limit) */
      maxAliases: z.number().int().nonnegative().optional(),
      /** Most root fields of an operation for this role, below `limits.maxRootFields`. @default none (the global limit) */
      maxRootFields: z.number().int().positive().optional(),
      /** Most directives of an operation for this role, below `limits.maxDirectives`. @default none (the global limit) */
      maxDirectives: z.number().int().nonnegative().optional(),
    })
    .strict()
    .default(() => ({ ...d }));
};

/** TTLs per resource class, in ms. */
const ttlSchema = z
  .object({
    jobsRunning: z.number().int().nonnegative().default(5_000),
    jobsFinished: z.number().int().nonnegative().default(300_000),
    inventory: z.number().int().nonnegative().default(300_000),
    capacity: z.number().int().nonnegative().default(60_000),
    events: z.number().int().nonnegative().default(15_000),
    metadata: z.number().int().nonnegative().default(3_600_000),
  })
  .strict();
export type CacheClass = keyof z.infer<typeof ttlSchema>;

const redisNodeSchema = z.object({ host: z.string().min(1), port: z.number().int().min(1).max(65535) }).strict();

/**
 * Where the shared layer lives: one Redis (`url`), a Sentinel group (`sentinels` + master `name`; the
 * gateway follows fail-overs) or a Cluster (`cluster`: seed nodes; the rest are discovered). Passwords
 * may come from the environment (`passwordEnv`, `sentinelPasswordEnv`).
 */
const redisSchema = z.union([
  z.object({ url: z.string().min(1) }).strict(),
  z
    .object({
      sentinels: z.array(redisNodeSchema).min(1),
      /** The master group's name as the sentinels know it. */
      name: z.string().min(1),
      password: z.string().optional(),
      passwordEnv: z.string().optional(),
      passwordFile: z.string().min(1).optional(),
      sentinelPassword: z.string().optional(),
      sentinelPasswordEnv: z.string().optional(),
      sentinelPasswordFile: z.string().min(1).optional(),
      db: z.number().int().min(0).optional(),
      tls: z.boolean().optional(),
    })
    .strict(),
  z
    .object({
      cluster: z.array(redisNodeSchema).min(1),
      password: z.string().optional(),
      passwordEnv: z.string().optional(),
      passwordFile: z.string().min(1).optional(),
      tls: z.boolean().optional(),
    })
    .strict(),
]);

export type RedisConfig = z.infer<typeof redisSchema>;

const percent = z.number().min(0).max(100);
const T = DEFAULT_THRESHOLDS;

/**
 * The thresholds of every severity the graph shows (src/monitoring/thresholds.ts, docs/schema.md
 * "Monitoring fields"). Each warning threshold must be the looser of its pair.
 */
const thresholdsSchema = z
  .object({
    capacity: z
      .object({
        /** Storage with less free share is WARNING, percent. @default 20 */
        warningFreePercent: percent.default(T.capacity.warningFreePercent),
        /** Storage with less free share is CRITICAL, percent. @default 10 */
        criticalFreePercent: percent.default(T.capacity.criticalFreePercent),
      })
      .strict()
      .refine((c) => c.criticalFreePercent <= c.warningFreePercent, 'criticalFreePercent must not exceed warningFreePercent')
      .prefault({}),
    ddb: z
      .object({
        /** A DDB partition with a slower average Q&I time is WARNING, µs. @default 1000 */
        qiWarningMicros: z.number().nonnegative().default(T.ddb.qiWarningMicros),
        /** … CRITICAL, µs. @default 2000 */
        qiCriticalMicros: z.number().nonnegative().default(T.ddb.qiCriticalMicros),
        /** A DDB partition whose volume has less free space is WARNING, bytes. @default 53687091200 (50 GiB) */
        freeSpaceWarningBytes: z.number().nonnegative().default(T.ddb.freeSpaceWarningBytes),
        /** … CRITICAL, bytes. @default 10737418240 (10 GiB) */
        freeSpaceCriticalBytes: z.number().nonnegative().default(T.ddb.freeSpaceCriticalBytes),
      })
      .strict()
      .refine((d) => d.qiWarningMicros <= d.qiCriticalMicros, 'qiWarningMicros must not exceed qiCriticalMicros')
      .refine((d) => d.freeSpaceCriticalBytes <= d.freeSpaceWarningBytes, 'freeSpaceCriticalBytes must not exceed freeSpaceWarningBytes')
      .prefault({}),
    failedJobs: z
      .object({
        /** `healthReport`'s FAILED_JOBS check is WARNING when more of the decided jobs failed, percent. @default 0 (any failure) */
        warningPercent: percent.default(T.failedJobs.warningPercent),
        /** … CRITICAL, percent. @default 10 */
        criticalPercent: percent.default(T.failedJobs.criticalPercent),
      })
      .strict()
      .refine((f) => f.warningPercent <= f.criticalPercent, 'warningPercent must not exceed criticalPercent')
      .prefault({}),
  })
  .strict();

const F = DEFAULT_FORECAST_OPTIONS;

/** The capacity forecast's method (src/monitoring/forecast.ts, docs/history.md "Capacity forecast"). */
const forecastSchema = z
  .object({
    /** Days of history the line is fitted to. @default 30 */
    windowDays: z.number().positive().max(366).default(F.windowDays),
    /** Fewer samples in the window answer TOO_LITTLE_HISTORY. @default 5 */
    minSamples: z.number().int().min(2).default(F.minSamples),
    /** Samples spanning less time answer TOO_LITTLE_HISTORY, hours. @default 24 */
    minSpanHours: z.number().nonnegative().default(F.minSpanHours),
    /** A line that meets the capacity later than this answers NOT_GROWING, days. @default 1825 (5 years) */
    horizonDays: z.number().positive().default(F.horizonDays),
  })
  .strict();

const R = DEFAULT_ALERT_RULES;
const alertSeverity = z.enum([Severity.WARNING, Severity.CRITICAL]);
const enabled = (on: boolean) => z.boolean().default(on);

/** The alert rules (src/collectors/alerts, docs/history.md "Alert rules"); capacity and DDB judge by `monitoring.thresholds`. */
const alertRulesSchema = z
  .object({
    /** Storage target below the capacity thresholds' free share. @default on */
    capacity: z.object({ enabled: enabled(R.capacity.enabled) }).strict().prefault({}),
    /** DDB store slower than the Q&I thresholds, or offline (CRITICAL). @default on */
    ddb: z.object({ enabled: enabled(R.ddb.enabled) }).strict().prefault({}),
    /** MediaAgent or appliance offline. @default on, CRITICAL */
    infrastructure: z
      .object({ enabled: enabled(R.infrastructure.enabled), severity: alertSeverity.default(R.infrastructure.severity) })
      .strict()
      .prefault({}),
    /** A job failed or killed in the last `windowHours`, one alert per job. @default on, 24 h, WARNING */
    failedJobs: z
      .object({
        enabled: enabled(R.failedJobs.enabled),
        windowHours: z.number().positive().max(744).default(R.failedJobs.windowHours),
        severity: alertSeverity.default(R.failedJobs.severity),
      })
      .strict()
      .prefault({}),
    /** A workload without a successful backup started in the last `hours`. @default on, 48 h, WARNING */
    unprotected: z
      .object({
        enabled: enabled(R.unprotected.enabled),
        hours: z.number().positive().max(8760).default(R.unprotected.hours),
        severity: alertSeverity.default(R.unprotected.severity),
      })
      .strict()
      .prefault({}),
    /** A storage target forecast full within `criticalDays` (CRITICAL) or `warningDays` (WARNING). @default on, 30 / 7 days */
    forecast: z
      .object({
        enabled: enabled(R.forecast.enabled),
        warningDays: z.number().nonnegative().default(R.forecast.warningDays),
        criticalDays: z.number().nonnegative().default(R.forecast.criticalDays),
      })
      .strict()
      .refine((f) => f.criticalDays <= f.warningDays, 'criticalDays must not exceed warningDays')
      .prefault({}),
  })
  .strict();

/** How long each history table keeps rows, in days (docs/history.md "Retention"). */
export const DEFAULT_STORE_RETENTION_DAYS = {
  raw: 30,
  daily: 365,
  jobs: 400,
  events: 90,
  healthReports: 90,
  resolvedAlerts: 365,
  deliveries: 90,
} as const;
export const DEFAULT_STORE_DIR = './data';

const retentionDays = z.number().positive();
const D = DEFAULT_STORE_RETENTION_DAYS;

const intervalMs = z.number().int().min(100);
/** How often each collector runs (ms): the defaults of docs/configuration.md "Collectors". */
export const DEFAULT_COLLECTOR_INTERVALS_MS = {
  capacity: 15 * 60_000,
  ddb: 15 * 60_000,
  jobs: 5 * 60_000,
  events: 5 * 60_000,
  healthReport: 60 * 60_000,
  retention: 24 * 60 * 60_000,
} as const;
const CI = DEFAULT_COLLECTOR_INTERVALS_MS;

const collectorsSchema = z
  .object({
    /** Collect at all (only while `store.enabled`). @default true */
    enabled: z.boolean().default(true),
    intervalsMs: z
      .object({
        capacity: intervalMs.default(CI.capacity),
        ddb: intervalMs.default(CI.ddb),
        jobs: intervalMs.default(CI.jobs),
        events: intervalMs.default(CI.events),
        healthReport: intervalMs.default(CI.healthReport),
        retention: intervalMs.default(CI.retention),
      })
      .strict()
      .prefault({}),
    /** How often the scheduler looks for due collectors and renews (or tries to take) the leader lease. @default 5000 */
    tickMs: z.number().int().min(20).default(5_000),
    /** The leader lease's time to live (embedded store; PostgreSQL holds an advisory lock while connected). @default 60000 */
    leaseTtlMs: z.number().int().min(100).default(60_000),
    /**
     * Share of every upstream bucket (0..1) collector calls leave to callers: a collector call spends only
     * while more than this stays, and never waits; otherwise that upstream waits for the next interval. @default 0.5
     */
    reserve: z.number().min(0).max(1).default(0.5),
    /** The jobs collector reads jobs started since its last run less this overlap (jobs that ended meanwhile). @default 3600000 */
    jobsOverlapMs: z.number().int().nonnegative().default(60 * 60_000),
    /** The name this replica's runs are recorded under; env `BACKUP_GRAPH_COLLECTOR_HOLDER`. @default host-pid-random */
    holder: z.string().min(1).optional(),
    /**
     * Upstream ids the collectors leave alone (the demo: the Cloud tenant, whose small burst a caller's
     * first query needs whole). @default none
     */
    exclude: z.array(z.string()).default([]),
    /** The credentials collectors use, by upstream id; otherwise the upstream's service account. Never a caller's key. */
    identities: z.record(z.string(), upstreamCredentialSchema).default({}),
  })
  .strict()
  .prefault({});

const storeSchema = z
  .object({
    /** Keep history at all; off, nothing is opened or written (tests and benches that need none). @default true */
    enabled: z.boolean().default(true),
    /**
     * Folder of the embedded database (`history.sqlite`), made if missing; a relative path is taken from
     * the working directory. Env `BACKUP_GRAPH_STORE_DIR`. Unused when `url` is set. @default ./data
     */
    dir: z.string().min(1).default(DEFAULT_STORE_DIR),
    /**
     * PostgreSQL instead of the embedded file (`postgres://user:password@host:5432/db`); what several
     * replicas share. Env `BACKUP_GRAPH_STORE_URL`. @default none (embedded)
     */
    url: z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// or postgresql:// URL').optional(),
    retention: z
      .object({
        /** Raw capacity and DDB readings, before they are rolled into one row per day. @default 30 */
        rawDays: retentionDays.default(D.raw),
        /** Daily capacity and DDB rows. @default 365 */
        dailyDays: retentionDays.default(D.daily),
        /** Job outcomes, by the job's start. @default 400 */
        jobsDays: retentionDays.default(D.jobs),
        /** Upstream events. @default 90 */
        eventsDays: retentionDays.default(D.events),
        /** Hourly health reports. @default 90 */
        healthReportsDays: retentionDays.default(D.healthReports),
        /** Alerts, counted from their resolution (open alerts are kept). @default 365 */
        resolvedAlertsDays: retentionDays.default(D.resolvedAlerts),
        /** Notification deliveries, daily reports and collector runs. @default 90 */
        deliveriesDays: retentionDays.default(D.deliveries),
      })
      .strict()
      .refine((r) => r.rawDays <= r.dailyDays, 'rawDays must not exceed dailyDays')
      .prefault({}),
  })
  .strict()
  .prefault({});

export const configSchema = z
  .object({
    server: z
      .object({
        port: z.number().int().min(0).max(65535).default(DEFAULT_PORT),
        host: z.string().default('127.0.0.1'),
        /** Upper bound for the `first` argument of any connection. @default 500 */
        maxPageSize: z.number().int().positive().default(500),
        /** Serve the offline GraphiQL playground at `/playground`. @default true */
        playground: z.boolean().default(true),
        /** Serve the reference dashboard (Apollo Client over trusted documents) at `/dashboard`. @default true */
        dashboard: z.boolean().default(true),
        /**
         * What executes validated documents: `jit` compiles each document once with graphql-jit (about 3x
         * faster on large pages); `graphql-js` is the reference executor, kept as a fallback. @default jit
         */
        executor: z.enum(['jit', 'graphql-js']).default('jit'),
        /**
         * Cross-origin access to `/graphql` from browsers. Absent: same-origin only, no CORS header is ever
         * sent. Apollo's CSRF prevention stays on either way.
         */
        cors: z
          .object({
            /** Origins allowed, exactly as browsers send them (`https://app.example.com`, no path or trailing slash). */
            origins: z.array(z.string().regex(/^https?:\/\/[^/\s]+$/, 'an origin: scheme://host[:port], no path')).min(1),
            /** Send `Access-Control-Allow-Credentials: true` (cookies, TLS client certificates). @default false */
            credentials: z.boolean().default(false),
            /** How long a browser may cache a preflight answer, in seconds. @default 600 */
            maxAge: z.number().int().nonnegative().default(DEFAULT_CORS_MAX_AGE),
            /** Request headers allowed cross-origin. @default authorization, content-type, apollo-require-preflight, x-apollo-operation-name */
            allowedHeaders: z.array(z.string().min(1)).default([...DEFAULT_CORS_ALLOWED_HEADERS]),
          })
          .strict()
          .optional(),
        /**
         * Longest a stop (SIGTERM/SIGINT) may take before the process exits 1 anyway: running requests get
         * up to 10 s (then their connections are closed), then every upstream session is logged out, then
         * pools and Redis close. More signals during a stop change nothing. @default 30000
         */
        shutdownTimeoutMs: z.number().int().positive().default(DEFAULT_SHUTDOWN_TIMEOUT_MS),
        /** Largest request body in bytes; more is answered 413 with BAD_USER_INPUT before it is parsed. @default 262144 (256 KiB) */
        bodyLimit: z.number().int().positive().default(DEFAULT_BODY_LIMIT),
        /** JSON arrays of operations in one POST. Off: an array gets BAD_USER_INPUT (HTTP 400). */
        batching: z
          .object({
            /** @default false */
            enabled: z.boolean().default(false),
            /** Most operations in one array; more gets BAD_USER_INPUT (HTTP 400). @default 10 */
            maxOperations: z.number().int().positive().default(DEFAULT_BATCH_MAX_OPERATIONS),
          })
          .strict()
          .default({ enabled: false, maxOperations: DEFAULT_BATCH_MAX_OPERATIONS }),
      })
      .strict()
      .default({
        port: DEFAULT_PORT,
        host: '127.0.0.1',
        maxPageSize: 500,
        playground: true,
        dashboard: true,
        executor: 'jit',
        bodyLimit: DEFAULT_BODY_LIMIT,
        shutdownTimeoutMs: DEFAULT_SHUTDOWN_TIMEOUT_MS,
        batching: { enabled: false, maxOperations: DEFAULT_BATCH_MAX_OPERATIONS },
      }),
    /** What each role may send (free text, APQ, introspection) and its depth bound. */
    roles: z
      .object({
        frontend: rolePolicySchema('frontend'),
        partner: rolePolicySchema('partner'),
        analyst: rolePolicySchema('analyst'),
        admin: rolePolicySchema('admin'),
      })
      .strict()
      .default(() => structuredClone(DEFAULT_ROLE_POLICIES)),
    persistedQueries: z
      .object({
        /**
         * The trusted-documents manifest (`{ "sha256:<hex>": "<document>" }`) written by `npm run codegen`.
         * A relative path is taken from the working directory. @default the manifest codegen writes
         * (`src/generated/operations/persisted-documents.json` of this package)
         */
        manifestPath: z.string().min(1).optional(),
        apq: z
          .object({
            /** Where registered APQ documents live. @default 'redis' when `redis` is set, else 'memory' */
            store: z.enum(['memory', 'redis']).optional(),
            /** Most documents the memory store keeps (least recently used go first). @default 10000 */
            maxEntries: z.number().int().positive().default(DEFAULT_APQ_MAX_ENTRIES),
            /** How long a registered document lives after its last registration. @default 86400000 (1 day) */
            ttlMs: z.number().int().positive().default(DEFAULT_APQ_TTL_MS),
            /** Largest document text registered, in bytes; a larger one runs but is not kept. @default 65536 */
            maxQueryBytes: z.number().int().positive().default(DEFAULT_APQ_MAX_QUERY_BYTES),
          })
          .strict()
          .default({
            maxEntries: DEFAULT_APQ_MAX_ENTRIES,
            ttlMs: DEFAULT_APQ_TTL_MS,
            maxQueryBytes: DEFAULT_APQ_MAX_QUERY_BYTES,
          }),
      })
      .strict()
      .default({
        apq: { maxEntries: DEFAULT_APQ_MAX_ENTRIES, ttlMs: DEFAULT_APQ_TTL_MS, maxQueryBytes: DEFAULT_APQ_MAX_QUERY_BYTES },
      }),
    callers: z.array(callerSchema).default([]),
    auth: z
      .object({
        /** Role given to requests without `Authorization`. Absent: such requests get UNAUTHENTICATED. @default none */
        anonymousRole: z.enum(ROLES).optional(),
      })
      .strict()
      .default({}),
    limits: z
      .object({
        /** Deepest selection nesting an operation may have. @default 12 */
        maxDepth: z.number().int().positive().default(12),
        /**
         * Most upstream calls one operation is estimated to make (cost hints × page sizes × upstreams the
         * caller sees); more is QUERY_TOO_COMPLEX before anything runs. @default 500
         */
        maxCost: z.number().int().positive().default(DEFAULT_MAX_COST),
        /**
         * Most lexical tokens (names, punctuation, values; not comments) of a document; more is
         * QUERY_TOO_COMPLEX before it is parsed. Also Apollo's parse limit. @default 2000
         */
        maxTokens: z.number().int().positive().default(DEFAULT_MAX_TOKENS),
        /** Most aliases of an operation, a fragment counted at each spread. @default 30 */
        maxAliases: z.number().int().nonnegative().default(DEFAULT_MAX_ALIASES),
        /** Most fields of an operation's root selection (through fragments). @default 20 */
        maxRootFields: z.number().int().positive().default(DEFAULT_MAX_ROOT_FIELDS),
        /** Most directive uses of an operation (`@skip`, `@include`, …), a fragment counted at each spread. @default 50 */
        maxDirectives: z.number().int().nonnegative().default(DEFAULT_MAX_DIRECTIVES),
      })
      .strict()
      .default({
        maxDepth: 12,
        maxCost: DEFAULT_MAX_COST,
        maxTokens: DEFAULT_MAX_TOKENS,
        maxAliases: DEFAULT_MAX_ALIASES,
        maxRootFields: DEFAULT_MAX_ROOT_FIELDS,
        maxDirectives: DEFAULT_MAX_DIRECTIVES,
      }),
    upstreams: z.array(upstreamSchema).default([]),
    cache: z
      .object({
        /** Byte bound of the in-memory cache. @default 64 MiB */
        maxBytes: z.number().int().positive().default(DEFAULT_CACHE_MAX_BYTES),
        ttlMs: ttlSchema.default(ttlSchema.parse({})),
      })
      .strict()
      .default({ maxBytes: DEFAULT_CACHE_MAX_BYTES, ttlMs: ttlSchema.parse({}) }),
    /**
     * Whole GraphQL answers kept as bytes, per operation, variables and caller scope (src/cache/response-cache.ts;
     * docs/performance.md "Response cache"). Off unless enabled.
     */
    responseCache: z
      .object({
        /** Answer a repeated query from its stored bytes, before the GraphQL request stack runs. @default false */
        enabled: z.boolean().default(false),
        /** Byte bound of the stored answers. @default 32 MiB */
        maxBytes: z.number().int().positive().default(DEFAULT_RESPONSE_CACHE_MAX_BYTES),
        /** Most answers kept (lru-cache wants `max`; the byte bound is the real limit). @default 10000 */
        maxEntries: z.number().int().positive().default(DEFAULT_RESPONSE_CACHE_MAX_ENTRIES),
        /**
         * Stale-while-revalidate: this long past its expiry, an answer is served once more while one
         * refresh runs in the background. Never after an invalidation. @default 0 (off)
         */
        swrMs: z.number().int().nonnegative().default(0),
      })
      .strict()
      .prefault({}),
    /** `Subscription.jobProgress` over WebSocket on `/graphql` (docs/operations.md "Live job progress"). */
    subscriptions: z
      .object({
        /** Accept WebSocket upgrades on `/graphql`. @default true */
        enabled: z.boolean().default(DEFAULT_SUBSCRIPTIONS.enabled),
        /** Roles that may open a subscription connection; others are closed with 4403. @default every role */
        roles: z.array(z.enum(ROLES)).default([...DEFAULT_SUBSCRIPTIONS.roles]),
        /** Most subscriptions one caller (API key) holds at once in a replica, over all its connections. @default 200 */
        maxPerCaller: z.number().int().positive().default(DEFAULT_SUBSCRIPTIONS.maxPerCaller),
        /** Most subscriptions on one connection at once. @default 50 */
        maxPerConnection: z.number().int().positive().default(DEFAULT_SUBSCRIPTIONS.maxPerConnection),
        /** WebSocket ping interval; a connection that has not answered the previous ping by the next is closed. @default 12000 */
        keepAliveMs: z.number().int().positive().default(DEFAULT_SUBSCRIPTIONS.keepAliveMs),
        /** A connection without any subscription for this long is closed (1000, "Idle"). @default 300000 (5 min) */
        idleTimeoutMs: z.number().int().positive().default(DEFAULT_SUBSCRIPTIONS.idleTimeoutMs),
        /** How long a new connection may wait before `connection_init` (then closed with 4408). @default 3000 */
        connectionInitTimeoutMs: z.number().int().positive().default(DEFAULT_SUBSCRIPTIONS.connectionInitTimeoutMs),
        poll: z
          .object({
            /** The floor: no job is read more often, while it is young or moving. @default 2000 */
            minIntervalMs: z.number().int().positive().default(DEFAULT_SUBSCRIPTIONS.poll.minIntervalMs),
            /** The longest interval a quiet job (or a short read bucket) grows to. @default 30000 */
            maxIntervalMs: z.number().int().positive().default(DEFAULT_SUBSCRIPTIONS.poll.maxIntervalMs),
            /** A job that started less than this ago is read at the floor. @default 60000 */
            youngJobMs: z.number().int().nonnegative().default(DEFAULT_SUBSCRIPTIONS.poll.youngJobMs),
            /** Failed reads in a row (other than RATE_LIMITED) before the subscription ends with the error. @default 5 */
            maxFailures: z.number().int().positive().default(DEFAULT_SUBSCRIPTIONS.poll.maxFailures),
            /** With `redis`: how long the replica polling a job holds its lease without renewing it. @default 10000 */
            leaseMs: z.number().int().positive().default(DEFAULT_SUBSCRIPTIONS.poll.leaseMs),
          })
          .strict()
          .prefault({}),
      })
      .strict()
      .prefault({}),
    redis: redisSchema.optional(),
    /** The monitoring fields' thresholds (docs/configuration.md "Monitoring"). */
    monitoring: z
      .object({ thresholds: thresholdsSchema.prefault({}), forecast: forecastSchema.prefault({}) })
      .strict()
      .prefault({}),
    /** Alerts raised by the collectors (docs/configuration.md "Alerts"). */
    alerts: z.object({ rules: alertRulesSchema.prefault({}) }).strict().prefault({}),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Traces (OpenTelemetry over OTLP/HTTP); off unless `telemetry.traces` is set (docs/configuration.md). */
    telemetry: telemetrySchema,
    /** Alert and daily-report notifications: webhooks, e-mail, retries (docs/configuration.md "Notifications"). */
    notifications: notificationsSchema,
    /** Demo mode: start the built-in simulators and the demo callers. Set when no config file is given. */
    demo: z
      .object({
        /**
         * Port of each demo simulator, by demo upstream id (0 = any free port). parseConfig fills in every
         * demo's: `cv-demo` 8401, `bdr-demo` 8402, `cv-demo-2` 8403, `cvcloud-demo` 8404, `bdr-demo-2` 8405.
         */
        ports: z.record(z.string(), simPortSchema).default({}),
        /** Older spelling of `ports.cv-demo`, still read. */
        commvaultSimPort: simPortSchema.optional(),
        /** Older spelling of `ports.bdr-demo`, still read. */
        backupdrSimPort: simPortSchema.optional(),
        /** Added latency of every simulator answer. @default 0 */
        simLatencyMs: z.number().int().nonnegative().default(0),
      })
      .strict()
      .optional(),
    /** The history database (docs/history.md): embedded in `dir`, or PostgreSQL at `url`. */
    store: storeSchema,
    /** The collectors that write the history store (docs/history.md "Collectors"). */
    collectors: collectorsSchema,
  })
  .strict();

export type GatewayConfig = z.infer<typeof configSchema>;
export type UpstreamConfig = GatewayConfig['upstreams'][number];
export type CallerConfig = GatewayConfig['callers'][number];
