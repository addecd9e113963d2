import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

/** Serve HTTPS instead of HTTP: the server's certificate and key (PEM), and optionally mutual TLS. */
export interface ServerTls {
  cert: string;
  key: string;
  /** With `requestCert`: the authority client certificates must chain to. */
  ca?: string;
  /** Ask for a client certificate and refuse the handshake without one `ca` signed (mutual TLS). */
  requestCert?: boolean;
  /**
   * Highest TLS version offered. Under TLS 1.3 a server refuses a client certificate after the client has
   * finished its handshake, so the client sees only a closed connection; under 1.2 it sees the alert.
   * @default Node's (TLS 1.3)
   */
  maxVersion?: 'TLSv1.2' | 'TLSv1.3';
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface RunningServer {
  readonly port: number;
  /** `http://host:port`, with IPv6 hosts bracketed. */
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * Starts `handler` on host:port (0 = ephemeral), over HTTPS when `tls` is given, and tracks sockets, so `close()` resolves promptly even
 * while clients hold keep-alive connections (undici pools do). A handler that throws answers 500 instead
 * of leaving the client hanging.
 */
export async function startHttpServer(handler: RequestHandler, port: number, host: string, tls?: ServerTls): Promise<RunningServer> {
  const sockets = new Set<Socket>();
  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    handler(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ errorCode: 500, errorMessage: `Simulator error: ${String(error)}` }));
      } else {
        res.destroy();
      }
    });
  };
  const server: Server = tls
    ? createHttpsServer({ cert: tls.cert, key: tls.key, ca: tls.ca, requestCert: tls.requestCert ?? false, rejectUnauthorized: tls.requestCert ?? false, maxVersion: tls.maxVersion }, listener)
    : createServer(listener);
  // Commvault clients send keep-alive pools; a long timeout avoids resets mid-benchmark.
  server.keepAliveTimeout = 65_000;
  // For HTTPS the raw TCP sockets (`connection`) are the ones to destroy at close, as for HTTP.
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost: string = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    port: address.port,
    origin: `${tls ? 'https' : 'http'}://${shownHost}:${address.port}`,
    close(): Promise<void> {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}

/** The request body as text; simulators only take small JSON/XML bodies, so a cap guards memory. */
export async function readBody(req: IncomingMessage, maxBytes = 1_000_000): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf: Buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > maxBytes) throw new Error('request body too large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text: string = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

export function sendText(res: ServerResponse, status: number, text: string, contentType: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}
