import { Pool } from 'undici';
import { BDR_BEARER } from './backupdr-bench.js';
import type { RecordedRequest } from './request-recorder.js';

/**
 * Calls a Backup and DR console simulator directly with undici, the way a client without the gateway
 * would: the minimum-possible baseline of scenario 6. One keep-alive pool with as many connections as
 * the gateway's default (16), so the comparison is transport to transport.
 */
export class DirectBackupDr {
  private readonly pool: Pool;
  private readonly loginPath: string;
  private session = '';

  constructor(apiUrl: string, connections = 16) {
    const url = new URL(apiUrl);
    this.pool = new Pool(url.origin, { connections });
    this.loginPath = `${url.pathname.replace(/\/+$/, '')}/session`;
  }

  /** `POST /session` with the bearer: the console's login. */
  async login(): Promise<void> {
    const body = (await this.send({ method: 'POST', url: this.loginPath }, false)) as { session_id?: string; id?: string } | undefined;
    const id = body?.session_id ?? body?.id;
    if (!id) throw new Error('direct login: no session id');
    this.session = id;
  }

  /** One recorded call, sent as it was (same path and query), body read and parsed as a client would. */
  async send(req: RecordedRequest, withSession = true): Promise<unknown> {
    const res = await this.pool.request({
      method: req.method as 'GET' | 'HEAD' | 'POST' | 'OPTIONS',
      path: req.url,
      headers: {
        accept: 'application/json',
        authorization: `Bearer ${BDR_BEARER}`,
        ...(withSession && this.session ? { 'backupdr-management-session': `Actifio ${this.session}` } : {}),
      },
    });
    const text = await res.body.text();
    if (res.statusCode >= 300) throw new Error(`direct ${req.method} ${req.url.slice(0, 80)}: HTTP ${res.statusCode}`);
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
