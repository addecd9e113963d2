import { pino } from 'pino';
import { parseConfig } from '../../src/config/load.js';
import { createGateway, type Gateway } from '../../src/gateway.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: { data?: T | null; errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }> };
}

export interface TestGateway {
  readonly url: string;
  readonly gateway: Gateway;
  /** POSTs one operation to /graphql with `Authorization: Bearer <apiKey>` (omit apiKey for none). */
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { apiKey?: string | null; headers?: Record<string, string> },
  ): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/** Raw config input for a test gateway: anything `parseConfig` takes; port 0 unless given. */
export type TestConfigInput = Record<string, unknown> & { upstreams: unknown[] };

export const TEST_ANALYST_KEY = 'test-analyst';

/**
 * Starts a real gateway (fastify + Apollo + pipeline) on an ephemeral loopback port. Callers default
 * to one analyst with key `test-analyst`. `logLines`, when given, collects every log line at `info` and
 * above, parsed (the audit lines of mutations among them); otherwise the gateway logs nothing.
 */
export async function startTestGateway(input: TestConfigInput, options: { logLines?: Array<Record<string, any>> } = {}): Promise<TestGateway> {
  const config = parseConfig(
    {
      callers: [{ id: 'test-analyst', apiKey: TEST_ANALYST_KEY, role: 'analyst' }],
      logLevel: 'silent',
      // No history store unless a test asks for one: tests never write into the repository's ./data.
      store: { enabled: false },
      ...input,
      server: { port: 0, ...(input.server as object | undefined) },
    },
    {},
  );
  const lines = options.logLines;
  const logger = lines ? pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) }) : pino({ level: 'silent' });
  const gateway = await createGateway(config, { logger });
  const url = await gateway.listen();
  return {
    url,
    gateway,
    async query(query, variables, options = {}) {
      const apiKey = options.apiKey === undefined ? TEST_ANALYST_KEY : options.apiKey;
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
          ...options.headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const text = await res.text();
      let body: GraphQLResponse['body'];
      try {
        body = JSON.parse(text);
      } catch {
        throw new Error(`gateway answered ${res.status} with non-JSON: ${text.slice(0, 200)}`);
      }
      return { status: res.status, headers: res.headers, body } as GraphQLResponse<never>;
    },
    close: () => gateway.stop(),
  };
}

/** The config entry of a Commvault upstream pointing at a simulator. */
export function commvaultUpstream(id: string, url: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, kind: 'commvault', url, username: 'admin', password: 'admin', ...extra };
}

/** The access-log line of a request, once the gateway has written it (after the answer). */
export async function accessLine(lines: ReadonlyArray<Record<string, unknown>>, requestId: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 100; i++) {
    const line = lines.find((l) => l.component === 'access' && l.requestId === requestId);
    if (line) return line;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no access line for ${requestId}`);
}
