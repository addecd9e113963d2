import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { freePort } from './free-port.js';

/** A Redis for one test file. */
export interface TestRedis {
  /** `redis://127.0.0.1:<port>` */
  readonly url: string;
  /** A key prefix no other test file or run uses, so an external `REDIS_URL` server can be shared. */
  readonly keyPrefix: string;
  /** Stops the server if this helper started it; leaves an external one alone. */
  stop(): Promise<void>;
}

/** Either a Redis, or why there is none (the tests then skip). */
export type RedisAvailability = { redis: TestRedis; skipReason?: undefined } | { redis?: undefined; skipReason: string };

const STARTUP_TIMEOUT_MS = 5_000;

/**
 * A Redis for tests: `REDIS_URL` if set (the tests only touch keys under their own prefix there),
 * else a private `redis-server` on a free loopback port without persistence, never the machine's own
 * Redis. When neither is possible, skip locally — but under `CI=true` throw, so CI cannot go green
 * without having run the Redis tests.
 *
 * Call at the top level of a test file (`const { redis, skipReason } = await provideTestRedis()`) so
 * `describe.skipIf(!redis)` is decided while the file is collected.
 */
export async function provideTestRedis(): Promise<RedisAvailability> {
  const keyPrefix = `bg-test:${randomBytes(4).toString('hex')}:`;
  const external = process.env.REDIS_URL;
  if (external) {
    const url = new URL(external);
    const reachable = await answersPing(url.hostname, Number(url.port || 6379), STARTUP_TIMEOUT_MS).catch(() => false);
    if (reachable) return { redis: { url: external, keyPrefix, stop: async () => {} } };
    return unavailable(`REDIS_URL=${external} does not answer PING`);
  }
  let lastError = 'redis-server did not start';
  // A port can be taken between freePort() and the server binding it: try a few.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const port = await freePort();
    try {
      const child = await startServer(port);
      return {
        redis: { url: `redis://127.0.0.1:${port}`, keyPrefix, stop: () => stopServer(child) },
      };
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
      if (/ENOENT/.test(lastError)) break;
    }
  }
  return unavailable(`cannot start redis-server (${lastError}); install redis-server or set REDIS_URL`);
}

export function unavailable(reason: string): RedisAvailability {
  if (process.env.CI === 'true') throw new Error(`Redis tests cannot run under CI=true: ${reason}`);
  console.warn(`[redis tests skipped] ${reason}`);
  return { skipReason: reason };
}

/** A private `redis-server` on `port` (loopback, no persistence), answering PING; `args` go before the defaults. */
export async function startServer(port: number, args: readonly string[] = []): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    [...args, '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  // If the test process dies without afterAll, the server must not outlive it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));

  const failed = new Promise<never>((_, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`redis-server exited with code ${code}`)));
  });
  failed.catch(() => {});
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  try {
    while (Date.now() < deadline) {
      const up = await Promise.race([answersPing('127.0.0.1', port, 200).catch(() => false), failed]);
      if (up) return child;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`redis-server on port ${port} did not answer PING within ${STARTUP_TIMEOUT_MS} ms`);
  } catch (error) {
    await stopServer(child);
    throw error;
  }
}

export async function stopServer(child: ChildProcess): Promise<void> {
  // Never spawned (ENOENT) or already gone.
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 2_000);
  await exited;
  clearTimeout(timer);
}

/** True when a RESP `PING` at host:port gets `+PONG` (plain TCP, no client library involved). */
function answersPing(host: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    let reply = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(false);
    }, timeoutMs);
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString('utf8');
      if (reply.includes('\r\n')) {
        clearTimeout(timer);
        socket.destroy();
        // A password-protected server answers -NOAUTH: it is there all the same.
        resolve(reply.startsWith('+PONG') || reply.startsWith('-NOAUTH'));
      }
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    });
  });
}
