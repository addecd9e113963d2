import { expectedQueryCode, FAULT_UNITS, SLOW_LATENCY_MS, type Fault, type FaultName } from './cells.js';
import { SIM_LATENCY_MS, type MatrixEnvironment, type MatrixUpstream, type UpstreamId } from './environment.js';
import { codesFor, jobCounts, MATRIX_QUERY, mutationFor, othersProblems, outcomeOf, post, type GraphQLAnswer } from './workload.js';

/** How much load a cell puts on the gateway while its fault lasts. */
export interface CellLoad {
  /** Queries in flight at once. */
  concurrency: number;
  /** Rounds of `concurrency` queries. */
  rounds: number;
  /** Pause between two rounds: with `rounds`, how long the fault lasts. */
  pauseMs: number;
  /** Mutations sent (each with its own idempotency key). */
  mutations: number;
}

/** `npm test`: every cell once, two queries at once, one mutation. */
export const SHORT_FORM: CellLoad = { concurrency: 2, rounds: 1, pauseMs: 0, mutations: 1 };
/**
 * The bench (`npm run bench -- --only=faults`): 12 rounds 200 ms apart, so each fault lasts 2.4 s or
 * more — several times the breaker's cooldown, so its trial calls meet the fault too — and 3 mutations.
 * Still two queries at once: gateway, simulators and client share one event loop, and a console list
 * costs its simulator 20-80 ms of CPU, so eight at once would push the healthy upstreams past the
 * 2 s timeout and measure the machine instead of the fault.
 */
export const LONG_FORM: CellLoad = { concurrency: 2, rounds: 12, pauseMs: 200, mutations: 3 };

/** Longest a cell waits for the gateway to be whole again once its fault ended. */
export const RECOVERY_BOUND_MS = 10_000;

export interface CellResult {
  upstream: UpstreamId;
  fault: FaultName;
  /** The faulted upstream's error code in each answer while the fault lasted (`-`: its data came). */
  codes: string[];
  /** Each query's answer time while the fault lasted. */
  latenciesMs: number[];
  /** Answers under the fault in which another upstream's data was missing or wrong (0 when the cell held). */
  othersMissing: number;
  /** From the fault's injection to its end (the queries' rounds and the mutations sent under it). */
  faultMs: number;
  /** From the fault's end until a query had every upstream's data and /readyz showed the upstream (and Redis) whole. */
  recoveryMs: number;
  mutations: {
    /** Mutations the client meant to make. */
    sent: number;
    /** Jobs the simulator started for them in the end (must equal `sent`). */
    applied: number;
    /** Outcome of each while the fault lasted, and of its retry with the same key after. */
    during: string[];
    retried: string[];
    /** Mutations sent once more with a new key after an UPSTREAM_UNCERTAIN the client found not carried out. */
    resent: number;
  };
  /** The 429 cell: the 429s the simulator answered and the calls it received while the fault lasted (equal). */
  throttle?: { answered429: number; received: number };
  /** New sessions the faulted upstream gave during the cell. */
  logins: number;
  /** Every way the cell broke a rule; empty when it held. */
  problems: string[];
}

/**
 * One cell: inject `fault` into `up`, run queries touching every upstream and mutations on `up`, lift
 * the fault, wait for recovery, then retry the mutations with their keys the way a client following
 * docs/operations.md does (same key; after an UPSTREAM_UNCERTAIN it looks, and only if nothing was
 * carried out sends a new key). Every rule broken is reported in `problems` rather than thrown, so the
 * bench can print the whole matrix.
 */
export async function runCell(env: MatrixEnvironment, up: MatrixUpstream, fault: Fault, load: CellLoad, tag: string): Promise<CellResult> {
  const problems: string[] = [];
  const mutations = Array.from({ length: load.mutations }, (_, i) => mutationFor(up, `${tag}-${i}`, i));
  const firstKey = (i: number) => `${tag}-${i}-first`;
  const totalBefore = up.sim.stats().total;
  const loginsBefore = up.sim.calls(up.loginRoute);

  const queryCode = expectedQueryCode(fault, up);
  let injectedAt = performance.now();
  if (fault.when === 'before') await fault.inject(env, up);
  const answers: GraphQLAnswer[] = [];
  let othersMissing = 0;
  for (let round = 0; round < load.rounds; round += 1) {
    if (round > 0) await sleep(load.pauseMs);
    const counts = jobCounts(env);
    const sizes = Array.from({ length: load.concurrency }, (_, i) => 3 + i); // distinct pages: nothing coalesces
    const inFlight = Promise.all(sizes.map((n) => post(env, MATRIX_QUERY, { n })));
    if (round === 0 && fault.when === 'midFlight') {
      await sleep(SIM_LATENCY_MS / 2);
      injectedAt = performance.now();
      await fault.inject(env, up);
    }
    const got = await inFlight;
    got.forEach((answer, i) => {
      const n = sizes[i]!;
      const faulted = queryCode === null ? null : up.id;
      const wrong = othersProblems(answer, env, faulted, n, counts);
      if (wrong.length > 0) othersMissing += 1;
      problems.push(...wrong.map((p) => `query under the fault: ${p}`));
      const codes = codesFor(answer, up.id);
      if (queryCode !== null && !expectedCodes(queryCode, round).includes(codes.join('+'))) {
        problems.push(`query under the fault: ${up.id} answered [${codes.join(', ')}], expected ${queryCode}`);
      }
    });
    answers.push(...got);
  }
  const during = await Promise.all(mutations.map((m, i) => post(env, m.document, m.variables(firstKey(i)))));
  if (fault.mutationCode) {
    for (const answer of during) if (outcomeOf(answer) !== fault.mutationCode) problems.push(`mutation under the fault: ${outcomeOf(answer)}, expected ${fault.mutationCode}`);
  }
  const throttle = fault.name === 'throttled' ? await throttleCount(up, totalBefore, loginsBefore) : undefined;
  if (throttle && throttle.answered429 !== throttle.received) {
    problems.push(`the simulator answered ${throttle.answered429} 429s to ${throttle.received} calls made under the fault`);
  }

  await fault.lift(env, up);
  const faultMs = performance.now() - injectedAt;
  const recoveryMs = await recovery(env, up, problems);

  const retried = await Promise.all(mutations.map((m, i) => post(env, m.document, m.variables(firstKey(i)))));
  let resent = 0;
  for (const [i, m] of mutations.entries()) {
    if (outcomeOf(retried[i]!) !== 'ok') {
      // The client looks (docs/operations.md: "check the job list before retrying"): a write still
      // sleeping in a slow upstream may land a moment later.
      await until(() => m.applied() >= 1, SLOW_LATENCY_MS + 1_000);
      if (m.applied() === 0) {
        resent += 1;
        const fresh = await post(env, m.document, m.variables(`${tag}-${i}-second`));
        if (outcomeOf(fresh) !== 'ok') problems.push(`mutation sent anew after recovery: ${outcomeOf(fresh)}`);
      }
    }
  }
  const applied = mutations.reduce((n, m) => n + m.applied(), 0);
  mutations.forEach((m, i) => {
    if (m.applied() !== 1) problems.push(`mutation ${i}: carried out ${m.applied()} times (during: ${outcomeOf(during[i]!)}, retry: ${outcomeOf(retried[i]!)})`);
  });

  const logins = up.sim.calls(up.loginRoute) - loginsBefore;
  if (fault.name === 'sessionExpired' && logins !== 1) problems.push(`${logins} logins after the sessions expired, expected exactly 1`);
  if (!(await alive(env))) problems.push('the gateway no longer answers /healthz');

  return {
    upstream: up.id,
    fault: fault.name,
    codes: answers.map((a) => codesFor(a, up.id).join('+') || '-'),
    latenciesMs: answers.map((a) => a.ms),
    othersMissing,
    faultMs,
    recoveryMs,
    mutations: { sent: mutations.length, applied, during: during.map(outcomeOf), retried: retried.map(outcomeOf), resent },
    throttle,
    logins,
    problems,
  };
}

/**
 * The codes a query may show in a round: the fault's own; from the second round on also the open
 * breaker's UPSTREAM_UNAVAILABLE (enough failures opened it; a fresh call is then refused at once).
 */
function expectedCodes(queryCode: string, round: number): string[] {
  return round === 0 ? [queryCode] : [queryCode, 'UPSTREAM_UNAVAILABLE'];
}

/** Polls until a query has every upstream's data and /readyz shows `up` (and Redis) whole; the time it took. */
export async function recovery(env: MatrixEnvironment, up: MatrixUpstream, problems: string[]): Promise<number> {
  const started = performance.now();
  let last = '';
  while (performance.now() - started < RECOVERY_BOUND_MS) {
    const counts = jobCounts(env);
    const answer = await post(env, MATRIX_QUERY, { n: 3 });
    const wrong = othersProblems(answer, env, null, 3, counts);
    last = wrong.join('; ');
    if (wrong.length === 0) {
      const ready = await readiness(env, up);
      if (ready === '') return performance.now() - started;
      last = ready;
    }
    await sleep(25);
  }
  problems.push(`not recovered ${RECOVERY_BOUND_MS} ms after the fault ended: ${last}`);
  return Number.NaN;
}

/** '' when /readyz shows `up` with a closed circuit and a live session, and Redis ready; else what is not. */
async function readiness(env: MatrixEnvironment, up: MatrixUpstream): Promise<string> {
  const res = await fetch(`${env.url}/readyz`);
  const body = (await res.json()) as { upstreams?: Array<{ id: string; circuit: string; session: boolean }>; redis?: { status: string } };
  const entry = body.upstreams?.find((u) => u.id === up.id);
  if (entry?.circuit !== 'closed') return `${up.id} circuit ${entry?.circuit}`;
  if (!entry.session) return `${up.id} has no session`;
  if (body.redis?.status !== 'ready') return `redis ${body.redis?.status}`;
  return '';
}

async function throttleCount(up: MatrixUpstream, totalBefore: number, loginsBefore: number): Promise<{ answered429: number; received: number }> {
  const active = (await (await fetch(`${up.sim.origin}/__sim/faults`)).json()) as { rateLimitBurst?: { count: number } };
  const logins = up.sim.calls(up.loginRoute) - loginsBefore; // a login never meets a count fault
  return { answered429: FAULT_UNITS - (active.rateLimitBurst?.count ?? 0), received: up.sim.stats().total - totalBefore - logins };
}

async function alive(env: MatrixEnvironment): Promise<boolean> {
  try {
    return (await fetch(`${env.url}/healthz`, { signal: AbortSignal.timeout(2_000) })).status === 200;
  } catch {
    return false;
  }
}

async function until(check: () => boolean, boundMs: number): Promise<void> {
  const started = performance.now();
  while (!check() && performance.now() - started < boundMs) await sleep(25);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
