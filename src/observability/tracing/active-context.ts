import { AsyncLocalStorage } from 'node:async_hooks';
import { ROOT_CONTEXT, type Context } from '@opentelemetry/api';

/**
 * The OpenTelemetry context of the GraphQL operation whose code is running: what the upstream pipeline
 * parents its spans to. Ours, not the API's global context manager: several gateways share a process in
 * tests, and nothing but the pipeline reads it. Set only while tracing is on, so with tracing off no
 * store is ever entered and reading it costs one property lookup.
 */
const storage = new AsyncLocalStorage<Context>();

/** The running operation's context, or the root context outside one (a logout at shutdown). */
export function activeContext(): Context {
  return storage.getStore() ?? ROOT_CONTEXT;
}

/**
 * Makes `context` current for the rest of the running async chain. Apollo's plugin hooks cannot wrap
 * execution in a callback (`run`), so the tracing plugin enters the execute span's context from
 * `executionDidStart`, whose synchronous part runs in the operation's own chain: what the resolvers and
 * the pipeline start afterwards inherits it, and each operation of a batch has its own chain. The plugin
 * enters the operation's context again when execution ends.
 */
export function enterContext(context: Context): void {
  storage.enterWith(context);
}
