import { Pool } from 'undici';
import { BENCH_API_KEY } from './gateway-config.js';
import { nowMs } from './stats.js';

export interface GraphQLAnswer {
  status: number;
  body: { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string; retryAfterMs?: number } }> };
  /** Wall time of the HTTP exchange, ms. */
  ms: number;
}

/**
 * A keep-alive client of one gateway's /graphql, as a frontend behind a proxy would hold. `connections`
 * bounds the sockets; requests beyond it queue in undici, so size it to the concurrency you drive.
 */
export class GraphQLClient {
  private readonly pool: Pool;

  constructor(
    readonly baseUrl: string,
    connections = 64,
    private readonly apiKey = BENCH_API_KEY,
  ) {
    this.pool = new Pool(baseUrl, { connections, pipelining: 1 });
  }

  /** The exact bytes sent for a document, so load generators can send the same. */
  static body(query: string, variables?: Record<string, unknown>): string {
    return JSON.stringify({ query, variables });
  }

  async post(body: string): Promise<GraphQLAnswer> {
    const started = nowMs();
    const res = await this.pool.request({
      path: '/graphql',
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.apiKey}` },
      body,
    });
    const text = await res.body.text();
    const ms = nowMs() - started;
    return { status: res.statusCode, body: JSON.parse(text) as GraphQLAnswer['body'], ms };
  }

  query(query: string, variables?: Record<string, unknown>): Promise<GraphQLAnswer> {
    return this.post(GraphQLClient.body(query, variables));
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/** Headers autocannon sends to the gateway (the same as GraphQLClient's). */
export const GRAPHQL_HEADERS = { 'content-type': 'application/json', authorization: `Bearer ${BENCH_API_KEY}` };

/** The first error code of an answer, or undefined when it has none. */
export function errorCode(answer: GraphQLAnswer): string | undefined {
  const errors = answer.body.errors;
  if (!errors || errors.length === 0) return undefined;
  return errors[0].extensions?.code ?? 'UNKNOWN';
}
