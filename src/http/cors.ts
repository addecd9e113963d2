import fastifyCors from '@fastify/cors';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { GatewayConfig } from '../config/schema.js';

type CorsConfig = NonNullable<GatewayConfig['server']['cors']>;

/** What `/graphql` answers in `Allow` (and to an OPTIONS that is no allowed preflight). */
export const GRAPHQL_METHODS = ['GET', 'POST'] as const;

/**
 * CORS for `/graphql` only, with @fastify/cors: the route gets `config.cors` (below) and every other
 * route stays same-origin (the plugin's global `origin: false`). Without `server.cors` nothing is
 * registered and no response carries an Access-Control header.
 *
 * The origin is a function, not the list itself: given a list, @fastify/cors answers a preflight from
 * an origin not on it with 204 and every Allow-Methods/Headers/Credentials/Max-Age header but
 * Allow-Origin. With the function such a preflight gets no CORS header at all (the OPTIONS route
 * below answers it), which the Fetch standard's CORS check fails just the same, and which says nothing
 * about the policy to an origin that is not allowed.
 */
export async function registerCors(app: FastifyInstance, cors: CorsConfig | undefined): Promise<{ routeConfig: Record<string, unknown> }> {
  if (!cors) return { routeConfig: {} };
  await app.register(fastifyCors, { origin: false, hideOptionsRoute: true });
  const allowed = new Set(cors.origins);
  return {
    routeConfig: {
      cors: {
        origin: (origin: string | undefined, callback: (error: Error | null, origin: string | false) => void) =>
          callback(null, origin !== undefined && allowed.has(origin) ? origin : false),
        methods: [...GRAPHQL_METHODS],
        allowedHeaders: cors.allowedHeaders,
        credentials: cors.credentials,
        maxAge: cors.maxAge,
        // Preflights are answered in the onRequest hook, before authentication (a browser sends none).
        preflight: true,
        strictPreflight: true,
      },
    },
  };
}

/** An OPTIONS request that is not an allowed preflight: 204 with `Allow`, and no CORS header. */
export async function answerOptions(_request: unknown, reply: FastifyReply): Promise<void> {
  await reply.code(204).header('allow', [...GRAPHQL_METHODS, 'OPTIONS'].join(', ')).send();
}
