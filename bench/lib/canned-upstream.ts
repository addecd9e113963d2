import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An upstream that costs (almost) no CPU: a reverse proxy in front of a simulator that answers a list
 * it has seen once from the bytes of that first answer, each answer after a fixed latency. Fifty
 * simulators in one process compute their lists one after another on the bench machine's cores, so a
 * fan-out over them measures the simulators; behind these proxies every upstream answers in its
 * latency, as upstreams on their own machines do, and what is left is the gateway's own share.
 * Everything but the replayed route (logins, other reads) goes to the simulator.
 */
export interface CannedUpstream {
  url: string;
  /** Answer time of every request from now on. */
  setLatency(ms: number): void;
  /** Requests of the replayed route answered (from the simulator or replayed). */
  calls(): number;
  resetCalls(): void;
  close(): Promise<void>;
}

export async function startCannedUpstream(simulatorUrl: string, replay: { method: string; path: string }): Promise<CannedUpstream> {
  const target = new URL(simulatorUrl);
  const base = target.pathname.replace(/\/$/, '');
  const stored = new Map<string, { status: number; headers: Record<string, string>; body: Buffer }>();
  let latencyMs = 0;
  let calls = 0;

  const forward = (req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const headers = { ...req.headers, host: target.host };
      const out = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const kept: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string' && !['connection', 'keep-alive', 'transfer-encoding', 'date'].includes(k)) kept[k] = v;
          resolve({ status: res.statusCode ?? 502, headers: kept, body: Buffer.concat(chunks) });
        });
        res.on('error', reject);
      });
      out.on('error', reject);
      out.end(body);
    });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const started = Date.now();
    const url = new URL(req.url ?? '/', 'http://x');
    const replayed = req.method === replay.method && url.pathname === `${base}${replay.path}`;
    let answer;
    if (replayed) {
      calls += 1;
      // The list's own paging headers are part of what it answers.
      const key = `${req.url} ${String(req.headers.limit)} ${String(req.headers.offset)}`;
      answer = stored.get(key);
      if (!answer) stored.set(key, (answer = await forward(req, Buffer.concat(chunks))));
    } else {
      answer = await forward(req, Buffer.concat(chunks));
    }
    const wait = latencyMs - (Date.now() - started);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    res.writeHead(answer.status, { ...answer.headers, 'content-length': String(answer.body.length) });
    res.end(answer.body);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${target.pathname}`,
    setLatency: (ms) => (latencyMs = ms),
    calls: () => calls,
    resetCalls: () => (calls = 0),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
