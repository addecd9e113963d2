import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect } from 'node:net';

/** A private redis-server for one scenario: loopback, free port, no persistence. */
export interface BenchRedis {
  url: string;
  stop(): Promise<void>;
}

/** Starts redis-server, or returns undefined (with the reason) when it cannot: the scenario then says so. */
export async function startRedis(): Promise<{ redis?: BenchRedis; reason?: string }> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'],
    { stdio: ['ignore', 'ignore', 'ignore'] },
  );
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  let spawnError: Error | undefined;
  child.once('error', (e) => (spawnError = e));
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline && !spawnError && child.exitCode === null) {
    if (await answersPing(port)) {
      return {
        redis: {
          url: `redis://127.0.0.1:${port}`,
          async stop() {
            process.off('exit', killOnExit);
            if (child.exitCode !== null) return;
            const exited = new Promise<void>((r) => child.once('exit', () => r()));
            child.kill('SIGTERM');
            await exited;
          },
        },
      };
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  process.off('exit', killOnExit);
  return { reason: spawnError ? `redis-server: ${spawnError.message}` : 'redis-server did not answer PING' };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(200, () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (d) => done(d.toString().startsWith('+PONG')));
    socket.on('error', () => done(false));
  });
}
