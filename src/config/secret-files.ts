import { readFileSync, unwatchFile, watchFile, type Stats } from 'node:fs';
import type { Logger } from 'pino';
import type { GatewayConfig } from './schema.js';

/** How often a secret file's mtime and size are looked at (a poll survives the rename or symlink swap a rotation does). */
export const SECRET_FILE_POLL_MS = 500;

/** A secret file's value: its content less one trailing newline (what `echo secret > file` leaves). */
export function readSecretFile(path: string): string {
  return readFileSync(path, 'utf8').replace(/\r?\n$/, '');
}

/**
 * Keeps each upstream's `passwordFile` secret current: reread when the file changes (polled) or on
 * `reload()` (SIGHUP), written into the config entry in place, and `onChange(upstreamId)` told so the
 * registry stops handing out sources logged in with the old one. Values are never logged.
 */
export class SecretFileWatcher {
  private readonly watched: string[] = [];

  constructor(
    private readonly config: GatewayConfig,
    private readonly logger: Logger,
    private readonly onChange: (upstreamId: string) => void,
  ) {}

  /** Starts polling every file secret; a no-op when there is none. */
  start(): void {
    for (const u of this.config.upstreams) {
      const path = u.passwordFile;
      if (path === undefined) continue;
      const listener = (now: Stats, before: Stats): void => {
        if (now.mtimeMs !== before.mtimeMs || now.size !== before.size || now.ino !== before.ino) this.reload();
      };
      watchFile(path, { interval: SECRET_FILE_POLL_MS, persistent: false }, listener);
      this.watched.push(path);
    }
  }

  /** Rereads every file secret; an upstream whose value changed gets `onChange`. A file that cannot be read keeps the old value. */
  reload(): void {
    for (const u of this.config.upstreams) {
      const path = u.passwordFile;
      if (path === undefined) continue;
      let value: string;
      try {
        value = readSecretFile(path);
      } catch (error) {
        this.logger.warn({ upstream: u.id, file: path, code: (error as NodeJS.ErrnoException).code }, 'secret file unreadable; keeping the previous value');
        continue;
      }
      if (value === '' || value === u.password) continue;
      u.password = value;
      this.logger.info({ upstream: u.id, file: path }, 'upstream password reloaded from its file; the next login uses it');
      this.onChange(u.id);
    }
  }

  stop(): void {
    for (const path of this.watched.splice(0)) unwatchFile(path);
  }
}
