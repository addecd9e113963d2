import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError, GraphQLFormattedError, GraphQLSchema, ValidationRule } from 'graphql';
import type { Context } from 'graphql-ws';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { GatewayConfig } from '../config/schema.js';
import { createGatewayContext, type GatewayContext } from '../context.js';
import type { SourceRegistry } from '../datasources/registry.js';
import type { MutationRuntime } from '../mutations/runtime.js';
import type { HistoryStore } from '../store/history-store.js';
import type { Logger } from '../observability/logger.js';
import type { CallerDirectory } from '../plugins/caller.js';
import type { Principal } from '../principal.js';
import { admitOperation, type SubscribeRequest } from './admit-operation.js';
import type { JobPollRegistry } from './job-poller.js';
import { SubscriptionLimits } from './limits.js';

/** Close codes of the graphql-ws protocol the gateway uses on `connection_init`. */
export const CLOSE = { UNAUTHORIZED: 4401, FORBIDDEN: 4403 } as const;

export interface SubscriptionServerDeps {
  /** The fastify app's Node server: WebSocket upgrades on `/graphql` are taken here, beside HTTP. */
  server: Server;
  schema: GraphQLSchema;
  config: GatewayConfig;
  callers: CallerDirectory;
  registry: SourceRegistry;
  jobPolls: JobPollRegistry;
  mutations?: MutationRuntime;
  history?: HistoryStore;
  /** The HTTP path's policy plugins (src/http/operation-policy.ts). */
  plugins: readonly ApolloServerPlugin<GatewayContext>[];
  /** The validation rules Apollo adds (the global depth limit). */
  rules: readonly ValidationRule[];
  /** The HTTP path's error formatter: the same public codes and masking. */
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  logger: Logger;
}

export interface SubscriptionServer {
  /** Closes every connection (1001, going away) and stops taking upgrades. */
  close(): Promise<void>;
}

/** What the gateway keeps per connection once `connection_init` is accepted. */
interface Connection {
  principal: Principal;
}

type Ctx = Context<Record<string, unknown> | undefined, Extra & { connection?: Connection }>;

/**
 * `Subscription.jobProgress` over WebSocket (the graphql-ws protocol, `graphql-transport-ws`) on `/graphql`
 * of the same fastify server. Why `ws` with graphql-ws's own adapter and not @fastify/websocket: the
 * adapter is the protocol's reference server (keep-alive pings, close codes, the subscribe life cycle);
 * the fastify plugin would only wrap the same `ws` server in a route we have no use for, since
 * nothing of fastify's request pipeline (hooks, body parsing, reply) applies to an upgraded socket.
 *
 * The caller is resolved on `connection_init` from `{ authorization: "Bearer <apiKey>" }` (or the upgrade
 * request's Authorization header) by the same CallerDirectory as HTTP: an unknown key closes the socket
 * with 4401, a role not in `subscriptions.roles` with 4403. Each `subscribe` is admitted by the HTTP path's
 * policy plugins (admit-operation.ts) and the subscription limits (limits.ts).
 */
export function attachSubscriptionServer(deps: SubscriptionServerDeps): SubscriptionServer {
  const { config, callers, logger } = deps;
  const settings = config.subscriptions;
  const log = logger.child({ component: 'subscriptions' });
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.server.bodyLimit });
  const limits = new SubscriptionLimits(settings);
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    if (new URL(request.url ?? '/', 'http://gateway').pathname !== '/graphql') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  };
  deps.server.on('upgrade', onUpgrade);

  const formatAll = (errors: readonly GraphQLError[]) => errors.map((e) => deps.formatError(e.toJSON(), e));
  const server = useServer<Record<string, unknown> | undefined, { connection?: Connection }>(
    {
      schema: deps.schema,
      connectionInitWaitTimeout: settings.connectionInitTimeoutMs,
      isProd: true, // close reasons never carry internal messages
      onConnect(ctx: Ctx) {
        const authorization = readAuthorization(ctx);
        let principal: Principal;
        try {
          principal = callers.authenticate(authorization);
        } catch {
          ctx.extra.socket.close(CLOSE.UNAUTHORIZED, 'Unauthorized');
          return false;
        }
        if (!settings.roles.includes(principal.role)) {
          ctx.extra.socket.close(CLOSE.FORBIDDEN, 'Forbidden: this API key may not subscribe');
          return false;
        }
        ctx.extra.connection = { principal };
        limits.opened(ctx);
        return true;
      },
      async onSubscribe(ctx: Ctx, id, payload) {
        const connection = ctx.extra.connection as Connection;
        const contextValue = createGatewayContext({
          principal: connection.principal,
          registry: deps.registry,
          config,
          mutations: deps.mutations,
          jobPolls: deps.jobPolls,
          history: deps.history,
        });
        const refused = limits.reserve(ctx, connection.principal, id);
        if (refused) return [refused];
        let admitted;
        try {
          admitted = await admitOperation(
            { schema: deps.schema, plugins: deps.plugins, maxTokens: config.limits.maxTokens, rules: deps.rules },
            contextValue,
            payload as SubscribeRequest,
          );
        } catch (error) {
          limits.ended(ctx, connection.principal, id);
          throw error;
        }
        // Refused: graphql-ws answers the errors and never calls onComplete, so the count is released here.
        if (Array.isArray(admitted)) {
          limits.ended(ctx, connection.principal, id);
          return admitted;
        }
        return {
          schema: deps.schema,
          document: admitted.document,
          operationName: admitted.operationName,
          variableValues: admitted.variables,
          contextValue,
        };
      },
      onComplete(ctx: Ctx, id) {
        if (ctx.extra.connection) limits.ended(ctx, ctx.extra.connection.principal, id);
      },
      onClose(ctx: Ctx) {
        limits.closed(ctx, ctx.extra.connection?.principal);
      },
      onNext(_ctx, _id, _payload, _args, result) {
        if (!result.errors) return;
        return { ...result, errors: formatAll(result.errors as readonly GraphQLError[]) };
      },
      onError(_ctx, _id, _payload, errors) {
        return formatAll(errors);
      },
    },
    wss,
    settings.keepAliveMs,
  );
  log.debug('WebSocket subscriptions on /graphql');
  return {
    async close() {
      deps.server.off('upgrade', onUpgrade);
      limits.stop();
      await server.dispose();
    },
  };
}

/** `authorization` from the `connection_init` payload (any case), else the upgrade request's header. */
function readAuthorization(ctx: Ctx): string | undefined {
  const params = ctx.connectionParams ?? {};
  for (const [name, value] of Object.entries(params)) {
    if (name.toLowerCase() === 'authorization' && typeof value === 'string') return value;
  }
  return ctx.extra.request.headers.authorization;
}
