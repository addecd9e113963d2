import { execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port.js';
import { startServer, stopServer, unavailable } from './redis-server.js';

const run = promisify(execFile);

/** Redis beyond one node, started by a test: a Cluster's seed nodes, or a Sentinel group. */
export interface TestRedisTopology {
  readonly nodes: Array<{ host: string; port: number }>;
  /** For Sentinel: the master group's name. */
  readonly name?: string;
  /** The data nodes' ports (the Cluster's primaries; the Sentinel group's master). */
  readonly dataPorts: number[];
  stop(): Promise<void>;
}

export type TopologyAvailability = { topology: TestRedisTopology; skipReason?: undefined } | { topology?: undefined; skipReason: string };

/**
 * A three-primary Redis Cluster on free loopback ports (`redis-server --cluster-enabled yes`, joined
 * with `redis-cli --cluster create`), ready when every node reports `cluster_state:ok`. Skips locally
 * when redis-server or redis-cli is missing; under `CI=true` that is an error.
 */
export async function provideTestRedisCluster(): Promise<TopologyAvailability> {
  const { dir, children, stop } = serverGroup('bg-cluster-');
  try {
    const ports: number[] = [];
    for (let i = 0; i < 3; i++) {
      const port = await freePort();
      children.push(
        await startServer(port, ['--cluster-enabled', 'yes', '--cluster-config-file', path.join(dir, `nodes-${port}.conf`), '--cluster-node-timeout', '2000', '--dir', dir]),
      );
      ports.push(port);
    }
    await run('redis-cli', ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes'], { timeout: 20_000 });
    const deadline = Date.now() + 15_000;
    for (const port of ports) {
      for (;;) {
        const { stdout } = await run('redis-cli', ['-p', String(port), 'cluster', 'info']);
        if (stdout.includes('cluster_state:ok')) break;
        if (Date.now() > deadline) throw new Error(`cluster node ${port} not ok: ${stdout.split('\n')[0]}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    return { topology: { nodes: ports.map((port) => ({ host: '127.0.0.1', port })), dataPorts: ports, stop } };
  } catch (error) {
    await stop();
    return unavailableTopology(`cannot start a Redis Cluster (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** One Redis master watched by one sentinel (`redis-server <conf> --sentinel`), group `bg-master`. */
export async function provideTestRedisSentinel(): Promise<TopologyAvailability> {
  const { dir, children, stop } = serverGroup('bg-sentinel-');
  try {
    const masterPort = await freePort();
    children.push(await startServer(masterPort));
    const sentinelPort = await freePort();
    // Sentinel rewrites its config file, so it gets its own writable copy.
    const conf = path.join(dir, 'sentinel.conf');
    writeFileSync(conf, `sentinel monitor bg-master 127.0.0.1 ${masterPort} 1\nsentinel down-after-milliseconds bg-master 2000\n`);
    children.push(await startServer(sentinelPort, [conf, '--sentinel']));
    return { topology: { nodes: [{ host: '127.0.0.1', port: sentinelPort }], name: 'bg-master', dataPorts: [masterPort], stop } };
  } catch (error) {
    await stop();
    return unavailableTopology(`cannot start a Redis Sentinel (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** A scratch directory and the servers started in it, stopped and removed together. */
function serverGroup(prefix: string): { dir: string; children: ChildProcess[]; stop(): Promise<void> } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(children.map((c) => stopServer(c)));
    rmSync(dir, { recursive: true, force: true });
  };
  return { dir, children, stop };
}

function unavailableTopology(reason: string): TopologyAvailability {
  unavailable(reason); // throws under CI=true
  return { skipReason: reason };
}
