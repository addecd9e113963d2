import { maxHeaderSize } from 'node:http';
import { connect } from 'node:net';
import { Agent, request } from 'undici';
import type { FuzzRequest } from './requests.js';

/** What came back; status 0: no HTTP answer at all (the connection closed or timed out first). */
export interface FuzzAnswer {
  status: number;
  contentType: string;
  text: string;
}

/** Time one exchange may take before the fuzzer calls it a hang. */
const ANSWER_TIMEOUT_MS = 15_000;

/**
 * Sends one case. undici's `request` rather than `fetch`: fetch refuses TRACE, hand-set
 * content-length and other things a hostile client sends. A client-side refusal to send (an illegal
 * header value) is not an answer of the gateway: it returns undefined and the case counts as skipped.
 */
export async function send(baseUrl: string, req: FuzzRequest, agent: Agent): Promise<FuzzAnswer | undefined> {
  if (req.raw !== undefined) return sendRaw(baseUrl, req.raw);
  try {
    const res = await request(`${baseUrl}${req.path}`, {
      method: req.method as 'GET',
      headers: req.headers,
      body: req.body,
      dispatcher: agent,
      headersTimeout: ANSWER_TIMEOUT_MS,
      bodyTimeout: ANSWER_TIMEOUT_MS,
    });
    const text = await res.body.text();
    const type = res.headers['content-type'];
    return { status: res.statusCode, contentType: Array.isArray(type) ? type.join(',') : (type ?? ''), text };
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    // The client would not send it (invalid header characters, a content-length it cannot honour).
    if (/UND_ERR_INVALID_ARG|UND_ERR_REQ_CONTENT_LENGTH_MISMATCH|ERR_INVALID_CHAR|ERR_INVALID_HTTP_TOKEN|UND_ERR_NOT_SUPPORTED/.test(code)) return undefined;
    if (error instanceof TypeError || error instanceof RangeError) return undefined;
    // Headers over Node's limit: the server answers 431 and closes at once, and may reset the socket
    // while the client is still writing the rest (a 4 MB URL); the 431 is then lost client-side.
    const headBytes = req.path.length + Object.entries(req.headers).reduce((n, [k, v]) => n + k.length + v.length + 4, 0);
    if ((code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET') && headBytes > maxHeaderSize) return undefined;
    if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return { status: 0, contentType: '', text: `timeout: ${code}` };
    return { status: 0, contentType: '', text: `no answer: ${code || String(error)}` };
  }
}

/** Writes bytes as they are and reads the first HTTP answer (enough of a parser for status, type and body). */
function sendRaw(baseUrl: string, raw: string): Promise<FuzzAnswer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let data = Buffer.alloc(0);
    let done = false;
    const finish = (reason: string): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(parseRaw(data) ?? { status: 0, contentType: '', text: `no answer: ${reason}` });
    };
    const timer = setTimeout(() => finish('timeout'), ANSWER_TIMEOUT_MS);
    socket.on('data', (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      if (parseRaw(data)?.complete) finish('answered');
    });
    socket.on('error', () => finish('socket error'));
    socket.on('close', () => finish('closed'));
    socket.write(raw);
  });
}

function parseRaw(data: Buffer): (FuzzAnswer & { complete: boolean }) | undefined {
  const end = data.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const head = data.subarray(0, end).toString('latin1');
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(head);
  if (!status) return undefined;
  const lower = head.toLowerCase();
  let body = data.subarray(end + 4);
  const length = /\r\ncontent-length: *(\d+)/.exec(lower);
  let complete = false;
  if (length) {
    complete = body.length >= Number(length[1]);
    body = body.subarray(0, Number(length[1]));
  } else if (/\r\ntransfer-encoding: *chunked/.test(lower)) {
    complete = body.subarray(-5).toString('latin1') === '0\r\n\r\n';
    body = dechunk(body);
  }
  const type = /\r\ncontent-type: *([^\r]*)/.exec(lower)?.[1] ?? '';
  return { status: Number(status[1]), contentType: type, text: body.toString('utf8'), complete };
}

function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let rest = body;
  for (;;) {
    const line = rest.indexOf('\r\n');
    if (line < 0) break;
    const size = parseInt(rest.subarray(0, line).toString('latin1'), 16);
    if (!size) break;
    parts.push(rest.subarray(line + 2, line + 2 + size));
    rest = rest.subarray(line + 2 + size + 2);
  }
  return Buffer.concat(parts);
}
