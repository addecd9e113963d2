import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A request as the fake upstream received it. */
export interface RecordedRequest {
  method: string;
  /** Path without the query, as sent (still percent-encoded). */
  path: string;
  /** Raw query string after `?`, '' when none. */
  rawQuery: string;
  /** Decoded query pairs, in the order sent. */
  query: [string, string][];
  /** Lower-cased names. */
  headers: Record<string, string>;
  body: string;
}

/** One scripted answer. */
export interface FakeAnswer {
  /** @default 200 */
  status?: number;
  headers?: Record<string, string>;
  /** JSON-encoded (with `Content-Type: application/json`) unless `raw` is given. */
  json?: unknown;
  /** Sent verbatim; set a content type in `headers` yourself. */
  raw?: string;
  /** Wait this long before answering. @default 0 */
  delayMs?: number;
}

export type FakeHandler = (req: RecordedRequest, callNumber: number) => FakeAnswer | Promise<FakeAnswer>;

/**
 * A scripted HTTP upstream on port 0 for pipeline tests: answers per `METHOD /path` (path below the
 * base), records and counts every request. Unscripted routes answer 404.
 */
export class FakeUpstream {
  private readonly routes = new Map<string, FakeHandler>();
  private readonly recorded: RecordedRequest[] = [];
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    /** Base URL including the API path, e.g. `http://127.0.0.1:1234/webconsole/api`. */
    readonly url: string,
    private readonly basePath: string,
  ) {}

  static async start(basePath = '/api'): Promise<FakeUpstream> {
    let self: FakeUpstream | undefined;
    const server = createServer((req, res) => void self!.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    self = new FakeUpstream(server, `http://127.0.0.1:${port}${basePath}`, basePath);
    server.on('connection', (socket) => {
      self!.sockets.add(socket);
      socket.on('close', () => self!.sockets.delete(socket));
    });
    return self;
  }

  /** Script `METHOD /path` (below the base path). A fixed answer, or a function of the call number (1-based). */
  on(route: string, answer: FakeAnswer | FakeHandler): this {
    this.routes.set(route, typeof answer === 'function' ? answer : () => answer);
    return this;
  }

  /** Requests received, all or those of one `METHOD /path`. */
  calls(route?: string): RecordedRequest[] {
    return route ? this.recorded.filter((r) => `${r.method} ${r.path}` === route) : [...this.recorded];
  }

  reset(): void {
    this.routes.clear();
    this.recorded.length = 0;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const [rawPath = '', rawQuery = ''] = (req.url ?? '').split(/\?(.*)/s);
    const path = rawPath.startsWith(this.basePath) ? rawPath.slice(this.basePath.length) : rawPath;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      rawQuery,
      query: [...new URLSearchParams(rawQuery)],
      headers,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    this.recorded.push(recorded);
    const route = `${recorded.method} ${path}`;
    const handler = this.routes.get(route);
    const callNumber = this.calls(route).length;
    const answer: FakeAnswer = handler ? await handler(recorded, callNumber) : { status: 404, json: { error: 'no route' } };
    if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
    if (res.destroyed) return;
    const body = answer.raw ?? (answer.json === undefined ? '' : JSON.stringify(answer.json));
    const contentType = answer.raw === undefined && answer.json !== undefined ? { 'content-type': 'application/json' } : {};
    res.writeHead(answer.status ?? 200, { ...contentType, ...answer.headers });
    res.end(body);
  }
}
