import { readFileSync, unwatchFile, watchFile, type Stats } from 'node:fs';
import type { Logger } from 'pino';
import type { GatewayConfig } from './schema.js';
import { fileSecretsOf, type FileSecret, type SecretScope } from './secret-refs.js';

export { readSecretFile } from './secret-refs.js';

/** How often a secret file's mtime and size are looked at (a poll survives the rename or symlink swap a rotation does). */
export const SECRET_FILE_POLL_MS = 500;

/**
 * Keeps every secret the config reads from a file current (src/config/secret-refs.ts: `…File` keys,
 * `…Env` variables' `…_FILE` twins, TLS PEM files, Google key files): reread when a file changes
 * (polled) or on `reload()` (SIGHUP), written into the config in place, and `onChange(scope)` told once
 * per scope that changed, so the gateway applies it from the next use on. Values are never logged.
 */
export class SecretFileWatcher {
  private readonly watched: string[] = [];
  private readonly secrets: FileSecret[];

  constructor(
    config: GatewayConfig,
    private readonly logger: Logger,
    private readonly onChange: (scope: SecretScope) => void,
  ) {
    this.secrets = [...fileSecretsOf(config), ...googleKeyFiles(config)];
  }

  /** Starts polling every secret file; a no-op when there is none. */
  start(): void {
    for (const path of new Set(this.secrets.map((s) => s.file))) {
      const listener = (now: Stats, before: Stats): void => {
        if (now.mtimeMs !== before.mtimeMs || now.size !== before.size || now.ino !== before.ino) this.reload();
      };
      watchFile(path, { interval: SECRET_FILE_POLL_MS, persistent: false }, listener);
      this.watched.push(path);
    }
  }

  /** Rereads every secret file; each scope with a changed value gets `onChange` once. A file that cannot be read, or is empty, keeps the old value. */
  reload(): void {
    const changed = new Map<string, SecretScope>();
    for (const secret of this.secrets) {
      let value: string;
      try {
        value = secret.read();
      } catch (error) {
        this.logger.warn({ secret: secret.where, file: secret.file, code: (error as NodeJS.ErrnoException).code }, 'secret file unreadable; keeping the previous value');
        continue;
      }
      if (value === '' || value === secret.last) continue;
      secret.last = value;
      secret.apply(value);
      this.logger.info({ secret: secret.where, file: secret.file }, 'secret reloaded from its file; its next use takes it');
      changed.set(JSON.stringify(secret.scope), secret.scope);
    }
    for (const scope of changed.values()) this.onChange(scope);
  }

  stop(): void {
    for (const path of this.watched.splice(0)) unwatchFile(path);
  }
}

/**
 * Consoles' Google key files: read by google-auth-library when a source first mints, so here only
 * watched (their content compared); a change retires the upstream's sources, whose successors mint with
 * the new key. Looked at when the watcher is built, after the demo has written its key file.
 */
function googleKeyFiles(config: GatewayConfig): FileSecret[] {
  return config.upstreams.flatMap((u, i) => {
    const file = u.auth?.google?.keyFile;
    if (file === undefined) return [];
    const read = (): string => readFileSync(file, 'utf8');
    let last = '';
    try {
      last = read();
    } catch {
      // The source's mint reports it (UPSTREAM_AUTH); the watcher picks the file up once it is there.
    }
    return [{ where: `upstreams[${i}].auth.google.keyFile`, file, scope: { kind: 'upstream', upstreamId: u.id }, read, apply: () => {}, last }];
  });
}
