import { connect, type Socket } from 'node:net';

const HEADER_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = /\r\ncontent-length:\s*(\d+)/i;

/**
 * A keep-alive HTTP/1.1 client that does as little as a load generator can: one prebuilt POST written
 * to a raw socket, the answer counted to its Content-Length and dropped, the status checked. The
 * overhead probe times the gateway with it so that a client's own parsing does not count as the
 * gateway's overhead (undici reading 75 KB costs ~0.5 ms here; autocannon does no more than this).
 */
export async function rawHttpProbe(
  baseUrl: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ probe(): Promise<void>; close(): void }> {
  const url = new URL(baseUrl);
  const payload = Buffer.from(body);
  const head =
    `POST ${url.pathname.replace(/\/$/, '')}/graphql HTTP/1.1\r\nhost: ${url.host}\r\nconnection: keep-alive\r\n` +
    Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('') +
    `content-length: ${payload.length}\r\n\r\n`;
  const request = Buffer.concat([Buffer.from(head), payload]);
  const socket: Socket = await new Promise((resolve, reject) => {
    const s = connect(Number(url.port), url.hostname, () => resolve(s));
    s.once('error', reject);
  });
  socket.setNoDelay(true);

  let pending: { resolve(): void; reject(e: Error): void } | undefined;
  let buffered: Buffer = Buffer.alloc(0);
  let expected = -1;
  socket.on('data', (chunk: Buffer) => {
    buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
    if (expected < 0) {
      const end = buffered.indexOf(HEADER_END);
      if (end < 0) return;
      const headText = buffered.subarray(0, end).toString('latin1');
      const length = CONTENT_LENGTH.exec(headText);
      if (!headText.startsWith('HTTP/1.1 200') || !length) {
        pending?.reject(new Error(`probe got: ${headText.split('\r\n')[0]}${length ? '' : ' (no content-length)'}`));
        pending = undefined;
        return;
      }
      expected = end + HEADER_END.length + Number(length[1]);
    }
    if (buffered.length >= expected) {
      buffered = buffered.subarray(expected);
      expected = -1;
      const done = pending;
      pending = undefined;
      done?.resolve();
    }
  });
  socket.on('error', (e) => {
    pending?.reject(e);
    pending = undefined;
  });
  return {
    probe() {
      return new Promise<void>((resolve, reject) => {
        pending = { resolve, reject };
        socket.write(request);
      });
    },
    close() {
      socket.destroy();
    },
  };
}
