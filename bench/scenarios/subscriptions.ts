import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { startCommvaultSimulator } from '../../simulators/commvault/index.js';
import { toGlobalId } from '../../src/util/global-id.js';
import { startChildGateway } from '../lib/child-gateway.js';
import { DirectCommvault } from '../lib/direct-upstream.js';
import { fig, type Figure, type RunOptions, type Scenario } from '../lib/figures.js';
import { BENCH_API_KEY, benchConfig, UPSTREAM_ID } from '../lib/gateway-config.js';
import { scrapeMetrics, sumOf } from '../lib/metrics.js';
import { SIM_LATENCY_MS } from '../lib/simulator.js';
import { ratio, sleep } from '../lib/stats.js';

const MiB = 2 ** 20;
const PROGRESS = 'subscription ($id: ID!) { jobProgress(id: $id) { id status ... on CommvaultJob { percentComplete } } }';
/** The gateway's default floor (`subscriptions.poll.minIntervalMs`): a young, moving job is read this often. */
const FLOOR_MS = 2_000;
const READ_BUCKET = { capacity: 200, refillPerSecond: 100 };
/** Clients connecting at once: a burst of upgrades, not 1 000 in one tick. */
const CONNECT_BATCH = 50;

/**
 * Scenario 7 — live job progress: 1 000 graphql-ws subscribers over 100 running Commvault jobs (ten per
 * job, each on its own connection, as browsers would be), against a gateway in its own process with
 * the default poll timing. Measured over a window once all are subscribed: upstream job reads per second
 * (one poll per job, against one per subscriber), events delivered, the gateway's CPU (its own
 * `process_cpu_seconds_total`) and its heap and RSS after a full GC, against before the subscribers came.
 * Quick: 100 subscribers over 10 jobs for 3 s; smoke: 20 over 5 for 2 s.
 */
export const subscriptions: Scenario = {
  name: 'subscriptions',
  title: 'Live job progress: 1 000 WebSocket subscribers over 100 jobs, one upstream poll per job',
  async run(options: RunOptions, notes: string[]): Promise<Figure[]> {
    const jobs = options.smoke ? 5 : options.quick ? 10 : 100;
    const subscribers = options.smoke ? 20 : options.quick ? 100 : 1_000;
    // Smoke: one poll floor (2 s), so every job is read at least once in the window.
    const windowSeconds = options.smoke ? 2 : options.quick ? 3 : 60;
    // Jobs outlive the run: progress keeps moving (each read sees a change) and none completes mid-window.
    const jobMs = (windowSeconds + 120) * 1000;
    const sim = await startCommvaultSimulator({ port: 0, latencyMs: SIM_LATENCY_MS, jobDurationMs: [jobMs, jobMs] });
    const gateway = await startChildGateway({
      // A read budget above what the polls want (100 jobs at the floor: 50/s), so the figure is the sharing
      // itself; at a CommServe's default 15/s the polls slow down to the budget (docs/performance.md).
      ...benchConfig({ simulatorUrl: sim.url, readBucket: READ_BUCKET }),
      subscriptions: { maxPerCaller: subscribers * 2, maxPerConnection: 10 },
    }, { exposeGc: true, shared: options.smoke });
    const clients: Client[] = [];
    try {
      // Online clients only: the simulator fails a job of an offline client at 30 %, which would end its subscriptions.
      const online = new Set(sim.data.clients.filter((c) => c.online).map((c) => c.clientId));
      const subclients = sim.data.subclients.filter((s) => s.enableBackup && online.has(s.clientId)).map((s) => s.subclientId);
      const jobIds = await startJobs(sim.url, subclients, jobs);
      const before = await gateway.memory();

      let events = 0;
      let failures = 0;
      const firsts: Array<Promise<void>> = [];
      const subscribeStarted = performance.now();
      for (let i = 0; i < subscribers; i += CONNECT_BATCH) {
        const batch: Array<Promise<void>> = [];
        for (let j = i; j < Math.min(subscribers, i + CONNECT_BATCH); j++) {
          const client = createClient({
            url: `${gateway.url.replace(/^http/, 'ws')}/graphql`,
            webSocketImpl: WebSocket,
            connectionParams: { authorization: `Bearer ${BENCH_API_KEY}` },
            retryAttempts: 0,
          });
          clients.push(client);
          batch.push(
            new Promise<void>((resolve) => {
              client.subscribe(
                { query: PROGRESS, variables: { id: toGlobalId('CommvaultJob', UPSTREAM_ID, jobIds[j % jobIds.length]) } },
                {
                  next: (result) => {
                    if (result.errors) failures++;
                    events++;
                    resolve();
                  },
                  error: () => {
                    failures++;
                    resolve();
                  },
                  complete: () => resolve(),
                },
              );
            }),
          );
        }
        firsts.push(...batch);
        await Promise.all(batch);
      }
      await Promise.all(firsts);
      const subscribeSeconds = (performance.now() - subscribeStarted) / 1000;

      sim.reset();
      const eventsBefore = events;
      const cpuBefore = sumOf(await scrapeMetrics(gateway.url), 'process_cpu_seconds_total');
      const t0 = performance.now();
      await sleep(windowSeconds * 1000);
      const seconds = (performance.now() - t0) / 1000;
      const cpuSeconds = sumOf(await scrapeMetrics(gateway.url), 'process_cpu_seconds_total') - cpuBefore;
      const reads = sim.calls('GET /Job/{id}');
      const delivered = events - eventsBefore;
      const after = await gateway.memory();

      const pollsPerSecond = reads / seconds;
      const perSubscriberPolls = subscribers / (FLOOR_MS / 1000);
      notes.push(
        `${subscribers} graphql-ws clients (one connection each) over ${jobIds.length} Commvault jobs started through the simulator's API, ` +
          `running ${jobMs / 1000} s each (moving at every read); gateway in its own process, default poll timing (floor ${FLOOR_MS} ms, young 60 s), ` +
          `read bucket ${READ_BUCKET.refillPerSecond}/s (the CommServe default of 15/s would cap the polls there); ` +
          `window ${windowSeconds} s after all had their first event; ${failures} subscriptions failed`,
      );
      return [
        fig('subs.subscribers', 'subscribers (one connection each)', subscribers, 'subscriptions'),
        fig('subs.jobs', 'jobs followed', jobIds.length, 'jobs'),
        fig('subs.subscribeSeconds', 'time to connect and get every first event', subscribeSeconds, 's'),
        fig('subs.pollsPerSecond', 'upstream GET /Job/{id} per second', pollsPerSecond, 'calls/s', {
          ratio: ratio(pollsPerSecond, perSubscriberPolls),
          against: `one poll per subscriber (${perSubscriberPolls}/s)`,
          goal: `≈ ${jobIds.length / (FLOOR_MS / 1000)}/s (one per job per floor)`,
        }),
        fig('subs.eventsPerSecond', 'events delivered to clients per second', delivered / seconds, 'events/s', {
          ratio: ratio(delivered / seconds, pollsPerSecond),
          against: 'upstream reads/s',
        }),
        fig('subs.gatewayCpu', 'gateway CPU over the window', (cpuSeconds / seconds) * 100, '% of one core'),
        fig('subs.rssAfter', 'gateway RSS with every subscriber', after.rss / MiB, 'MiB', { ratio: ratio(after.rss, before.rss), against: 'before subscribers' }),
        fig('subs.heapPerSubscriber', 'gateway heap growth per subscriber (after GC)', (after.heapUsed - before.heapUsed) / subscribers / 1024, 'KiB'),
        fig('subs.failures', 'subscriptions that failed', failures, 'subscriptions', { goal: '0' }),
      ];
    } finally {
      await Promise.all(clients.map((c) => c.dispose()));
      await gateway.stop();
      await sim.close();
    }
  },
};

/** Starts `count` backups straight on the simulator (round robin over its subclients): their job ids. */
async function startJobs(simUrl: string, subclientIds: readonly number[], count: number): Promise<number[]> {
  const direct = new DirectCommvault(simUrl);
  await direct.login();
  try {
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      const body = (await direct.call('POST', `/Subclient/${subclientIds[i % subclientIds.length]}/action/backup?backupLevel=Full`)) as { jobIds?: unknown[] };
      const id = Number(body.jobIds?.[0]);
      if (!Number.isInteger(id)) throw new Error('the simulator started no job');
      ids.push(id);
    }
    return ids;
  } finally {
    await direct.close();
  }
}
