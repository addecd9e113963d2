import { Arg, ID, Resolver, Root, Subscription } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { badUserInput, notFound } from '../../errors/gateway-error.js';
import { graphProductOf } from '../../products.js';
import { Job } from '../../schema/unified/job.type.js';
import { pollKey } from '../../subscriptions/job-poller.js';
import type { JobEvent } from '../../subscriptions/poll-loop.js';
import { fromGlobalId } from '../../util/global-id.js';

/**
 * `Subscription.jobProgress`: a job of any product, sent each time its status or progress changes, the
 * ending state last. Runs over WebSocket only (src/subscriptions/ws-server.ts); every subscriber of a job
 * in this replica shares one upstream poll (src/subscriptions/job-poller.ts).
 */
@Resolver()
export class JobProgressResolver {
  @Subscription(() => Job, {
    description:
      'A job of any product: its state now, then again each time its status or progress changes, and a last ' +
      'event when it ends; then the subscription completes. An unknown id (or one not yours to see) is NOT_FOUND. ' +
      'Over WebSocket on /graphql (graphql-ws); see docs/operations.md "Live job progress".',
    subscribe: ({ args, context }) => jobEvents(context as GatewayContext, (args as { id: string }).id),
  })
  jobProgress(@Root() event: JobEvent, @Arg('id', () => ID) _id: string): Job {
    if (event.kind === 'failed') throw event.error;
    return event.state.job;
  }
}

/**
 * The subscriber's stream, once its first event is known: an id that names no job fails the subscribe
 * itself (an error answer, not a stream that breaks after it began).
 */
async function jobEvents(ctx: GatewayContext, id: string): Promise<AsyncIterable<JobEvent>> {
  if (!ctx.jobPolls) throw badUserInput('Subscriptions run over WebSocket on /graphql (graphql-ws)');
  const parts = fromGlobalId(id);
  // Unknown types, foreign ids and upstreams the caller cannot see all read as "no such job", as node() does.
  const product = graphProductOf(ctx.sources.upstream(parts.instanceId)?.product);
  const live = product?.liveJob?.(ctx, parts.instanceId, parts.typeName, parts.localId);
  if (!live) throw notFound(`No job has id "${id.slice(0, 80)}"`);
  const events = ctx.jobPolls.watch(pollKey(live, `${parts.typeName}:${parts.localId}`), live.read);
  const first = await events.next();
  if (first.done) return events;
  if (first.value.kind === 'failed') throw first.value.error;
  return withFirst(first.value, events);
}

/**
 * `first`, then the rest. Not an async generator: a generator's `return()` waits behind its pending
 * `next()`, so a client unsubscribing from a quiet job would stay subscribed until the job next moved;
 * the channel's own `return()` ends a pending `next()` at once.
 */
function withFirst(first: JobEvent, rest: AsyncIterableIterator<JobEvent>): AsyncIterableIterator<JobEvent> {
  let pending: JobEvent | undefined = first;
  return {
    next() {
      const value = pending;
      pending = undefined;
      return value ? Promise.resolve({ value, done: false }) : rest.next();
    },
    return() {
      pending = undefined;
      return rest.return ? rest.return() : Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
