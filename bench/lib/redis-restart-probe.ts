import type { MatrixEnvironment } from '../../test/helpers/fault-matrix/environment.js';
import { recovery } from '../../test/helpers/fault-matrix/run-cell.js';
import { mutationFor, outcomeOf, post } from '../../test/helpers/fault-matrix/workload.js';

export interface RedisRestartProbe {
  /** Jobs carried out after the key was sent twice with Redis up (1: the second was a replay). */
  appliedBeforeRestart: number;
  /** Jobs carried out after the same key was sent once more, after Redis restarted empty. */
  appliedAfterRestart: number;
  /** The three answers. */
  outcomes: string[];
  problems: string[];
}

/**
 * The known limit of the Redis idempotency store (docs/security.md, "Fault matrix"): a key's first
 * outcome lives only in Redis, so a Redis restarted without persistence forgets it and the same key
 * runs the write again. Sends one backup on the CommServe with one key twice, restarts Redis (the
 * matrix's server has no persistence), waits until the gateway is whole, and sends it a third time.
 */
export async function probeRedisRestart(env: MatrixEnvironment, tag: string): Promise<RedisRestartProbe> {
  const up = env.upstreams.cv;
  const mutation = mutationFor(up, tag);
  const send = async () => outcomeOf(await post(env, mutation.document, mutation.variables(`${tag}-key`)));
  const outcomes = [await send(), await send()];
  const appliedBeforeRestart = mutation.applied();
  await env.redis.stop();
  await env.redis.restart();
  const problems: string[] = [];
  await recovery(env, up, problems);
  outcomes.push(await send());
  return { appliedBeforeRestart, appliedAfterRestart: mutation.applied(), outcomes, problems };
}
