import { maxHeaderSize, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { ErrorCode } from '../errors/codes.js';

/**
 * Answers what Node's HTTP parser refuses before fastify sees a request — headers over Node's limit
 * (431), a request whose headers did not arrive in time (408), bytes that are not HTTP (400) — as a
 * GraphQL error body, like every other refusal, instead of fastify's `{ error, message, statusCode }`.
 * Found by the fuzzer (docs/security.md "Fuzzing"). Used as fastify's `clientErrorHandler`: it writes
 * to the socket directly, since no request object exists, and closes the connection, as Node does.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  // A connection reset or one already gone has no one to answer (fastify's default handler does the same).
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, message] = clientErrorAnswer(error.code);
  const body = JSON.stringify({ errors: [{ message, extensions: { code: ErrorCode.BAD_USER_INPUT } }] });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

function clientErrorAnswer(code: string | undefined): [number, string] {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return [408, 'The request did not arrive in time'];
  if (code === 'HPE_HEADER_OVERFLOW') return [431, `The request's headers are larger than ${maxHeaderSize} bytes`];
  return [400, 'Malformed HTTP request'];
}
