import type {
  ApolloServerPlugin,
  BaseContext,
  GraphQLFieldResolverParams,
  GraphQLRequestContext,
  GraphQLRequestContextDidEncounterErrors,
  GraphQLRequestContextDidResolveOperation,
  GraphQLRequestContextDidResolveSource,
  GraphQLRequestContextExecutionDidStart,
  GraphQLRequestContextParsingDidStart,
  GraphQLRequestContextResponseForOperation,
  GraphQLRequestContextValidationDidStart,
  GraphQLRequestContextWillSendResponse,
  GraphQLRequestExecutionListener,
  GraphQLRequestListener,
  GraphQLResponse,
} from '@apollo/server';
import type { GraphQLError } from 'graphql';

type Listener<T extends BaseContext> = GraphQLRequestListener<T>;
type SubsequentPayload<T extends BaseContext> = Parameters<NonNullable<Listener<T>['willSendSubsequentPayload']>>[1];
type SubsequentPayloadContext<T extends BaseContext> = Parameters<NonNullable<Listener<T>['willSendSubsequentPayload']>>[0];
type SubsequentErrorsContext<T extends BaseContext> = Parameters<NonNullable<Listener<T>['didEncounterSubsequentErrors']>>[0];
type DidEnd = (...args: never[]) => unknown;

/**
 * The gateway's request plugins as one Apollo plugin, each hook run as Apollo runs it for separate
 * plugins: the plugins in their order (end hooks in reverse), `Promise.all` where Apollo uses it, the
 * first non-null `responseForOperation`.
 *
 * Why: Apollo calls every hook point of a request on every plugin's listener — `Promise.all` over the
 * listeners for each point, and `responseForOperation` awaited one listener after another — whether the
 * listener has that hook or not. With a dozen plugins of one or two hooks each, that dispatch cost more
 * than a bare Apollo Server spends on a whole `{ __typename }` beside it (bench: eleven one-hook plugins
 * 5.0 µs a request, the same hooks through one listener 1.7 µs; docs/performance.md). Here a hook point
 * costs a call per plugin that has the hook.
 *
 * Only request hooks are merged: a plugin with a server-level hook (serverWillStart, …) is refused at
 * once rather than left silently unrun; such plugins go to Apollo beside this one.
 */
export function composedPlugins<T extends BaseContext>(plugins: ReadonlyArray<ApolloServerPlugin<T>>): ApolloServerPlugin<T> {
  for (const plugin of plugins) {
    const others = Object.keys(plugin).filter((hook) => hook !== 'requestDidStart');
    if (others.length > 0) throw new Error(`composedPlugins merges request hooks only; a plugin also has ${others.join(', ')}`);
  }
  const starting = plugins.filter((p) => p.requestDidStart !== undefined);
  return {
    async requestDidStart(requestContext: GraphQLRequestContext<T>): Promise<Listener<T> | void> {
      const listeners: Array<Listener<T>> = [];
      for (const listener of await Promise.all(starting.map((p) => p.requestDidStart!(requestContext)))) if (listener) listeners.push(listener);
      return listeners.length === 0 ? undefined : listeners.length === 1 ? listeners[0] : new ComposedListener(listeners);
    },
  };
}

type HookName = Exclude<keyof Listener<BaseContext>, 'responseForOperation'>;

/** Each listener's `hook` that it has, all started before any is awaited (Apollo's Promise.all); undefined when none has it. */
function runAll(listeners: ReadonlyArray<object>, hook: HookName, a: unknown, b?: unknown): Promise<unknown[]> | undefined {
  let pending: unknown[] | undefined;
  for (const l of listeners) {
    const fn = (l as Record<string, unknown>)[hook] as ((a: unknown, b: unknown) => unknown) | undefined;
    if (fn !== undefined) (pending ??= []).push(fn.call(l, a, b));
  }
  return pending && Promise.all(pending);
}

/** One end hook for several: each run, last started first (Apollo's invokeDidStartHook). */
function endedInReverse(ends: ReadonlyArray<DidEnd | void | undefined>): DidEnd | undefined {
  const defined = ends.filter((e): e is DidEnd => e !== undefined).reverse();
  if (defined.length === 0) return undefined;
  return (...args: never[]) => {
    for (const end of defined) end(...args);
  };
}

/** The listeners of one request's plugins behind one listener (see composedPlugins). */
class ComposedListener<T extends BaseContext> implements Listener<T> {
  constructor(private readonly listeners: ReadonlyArray<Listener<T>>) {}

  async didResolveSource(ctx: GraphQLRequestContextDidResolveSource<T>): Promise<void> {
    await runAll(this.listeners, 'didResolveSource', ctx);
  }

  async parsingDidStart(ctx: GraphQLRequestContextParsingDidStart<T>): Promise<((err?: Error) => Promise<void>) | void> {
    const ends = await runAll(this.listeners, 'parsingDidStart', ctx);
    return ends && (endedInReverse(ends as Array<DidEnd | undefined>) as ((err?: Error) => Promise<void>) | undefined);
  }

  async validationDidStart(ctx: GraphQLRequestContextValidationDidStart<T>): Promise<((errs?: ReadonlyArray<Error>) => Promise<void>) | void> {
    const ends = await runAll(this.listeners, 'validationDidStart', ctx);
    return ends && (endedInReverse(ends as Array<DidEnd | undefined>) as ((errs?: ReadonlyArray<Error>) => Promise<void>) | undefined);
  }

  async didResolveOperation(ctx: GraphQLRequestContextDidResolveOperation<T>): Promise<void> {
    await runAll(this.listeners, 'didResolveOperation', ctx);
  }

  async didEncounterErrors(ctx: GraphQLRequestContextDidEncounterErrors<T>): Promise<void> {
    await runAll(this.listeners, 'didEncounterErrors', ctx);
  }

  async responseForOperation(ctx: GraphQLRequestContextResponseForOperation<T>): Promise<GraphQLResponse | null> {
    for (const l of this.listeners) {
      if (l.responseForOperation === undefined) continue;
      const response = await l.responseForOperation(ctx);
      if (response != null) return response;
    }
    return null;
  }

  async executionDidStart(ctx: GraphQLRequestContextExecutionDidStart<T>): Promise<GraphQLRequestExecutionListener<T> | void> {
    const started = (await runAll(this.listeners, 'executionDidStart', ctx)) as Array<GraphQLRequestExecutionListener<T> | void> | undefined;
    if (started === undefined) return;
    // Apollo runs execution listeners last-started first.
    const execution = started.filter((e): e is GraphQLRequestExecutionListener<T> => e != null).reverse();
    if (execution.length === 0) return;
    const ending = execution.filter((e) => e.executionDidEnd !== undefined);
    const composed: GraphQLRequestExecutionListener<T> = {
      executionDidEnd: async (err?: Error) => {
        await Promise.all(ending.map((e) => e.executionDidEnd!(err)));
      },
    };
    // Present only when some plugin resolves fields: Apollo wraps every resolver of the schema once any
    // execution listener has it.
    const resolving = execution.filter((e) => e.willResolveField !== undefined);
    if (resolving.length > 0) {
      composed.willResolveField = (params: GraphQLFieldResolverParams<unknown, T>) =>
        endedInReverse(resolving.map((e) => e.willResolveField!(params))) as ReturnType<NonNullable<GraphQLRequestExecutionListener<T>['willResolveField']>>;
    }
    return composed;
  }

  async willSendResponse(ctx: GraphQLRequestContextWillSendResponse<T>): Promise<void> {
    await runAll(this.listeners, 'willSendResponse', ctx);
  }

  async didEncounterSubsequentErrors(ctx: SubsequentErrorsContext<T>, errors: ReadonlyArray<GraphQLError>): Promise<void> {
    await runAll(this.listeners, 'didEncounterSubsequentErrors', ctx, errors);
  }

  async willSendSubsequentPayload(ctx: SubsequentPayloadContext<T>, payload: SubsequentPayload<T>): Promise<void> {
    await runAll(this.listeners, 'willSendSubsequentPayload', ctx, payload);
  }
}
