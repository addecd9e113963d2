import { Pool } from 'undici';

/**
 * Calls a Commvault simulator directly with undici, the way a client without the gateway would: the
 * baselines of scenario 1. One keep-alive pool with as many connections as the gateway's default
 * (16), so the comparison is transport to transport.
 */
export class DirectCommvault {
  private readonly pool: Pool;
  private readonly basePath: string;
  private token = '';

  constructor(apiUrl: string, connections = 16) {
    const url = new URL(apiUrl);
    this.pool = new Pool(url.origin, { connections });
    this.basePath = url.pathname.replace(/\/+$/, '');
  }

  async login(): Promise<void> {
    const body = (await this.call('POST', '/Login', {
      username: 'admin',
      password: Buffer.from('admin', 'utf8').toString('base64'),
      mode: 4,
      deviceId: 'bench-direct',
    })) as { token?: string };
    if (!body.token) throw new Error('direct login: no token');
    this.token = body.token;
  }

  /** `GET /Job` as the gateway sends it: paging in headers, an empty `jobFilter=` meaning "all types". */
  jobs(limit: number, offset = 0): Promise<unknown> {
    return this.call('GET', '/Job?jobFilter=', undefined, { limit: String(limit), offset: String(offset) });
  }

  get(pathAndQuery: string): Promise<unknown> {
    return this.call('GET', pathAndQuery);
  }

  async call(method: string, pathAndQuery: string, body?: unknown, headers: Record<string, string> = {}): Promise<unknown> {
    const res = await this.pool.request({
      method: method as 'GET' | 'POST',
      path: `${this.basePath}${pathAndQuery}`,
      headers: {
        accept: 'application/json',
        ...(this.token ? { authtoken: this.token } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.body.text();
    if (res.statusCode !== 200) throw new Error(`direct ${method} ${pathAndQuery}: HTTP ${res.statusCode}`);
    return JSON.parse(text) as unknown;
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/** The ids a job summary names, for the naive per-field resolution. */
export interface JobRefs {
  clientId: number;
  subclientId: number;
  planId: number;
  storagePolicyId: number;
}

export function jobRefs(page: unknown): JobRefs[] {
  const jobs = (page as { jobs?: Array<{ jobSummary: Record<string, any> }> }).jobs ?? [];
  return jobs.map(({ jobSummary: s }) => ({
    clientId: Number(s.subclient?.clientId ?? 0),
    subclientId: Number(s.subclient?.subclientId ?? 0),
    planId: Number(s.plan?.planId ?? 0),
    storagePolicyId: Number(s.storagePolicy?.storagePolicyId ?? 0),
  }));
}
