/** A webhook receiver for the collector tests: records each delivery's event, alert id and whether its signature is valid. */
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Hook {
  event: string;
  alertId: string;
  /** The same on every attempt of one delivery: a receiver drops a repeat (docs/history.md "Once, across replicas"). */
  deliveryId: string;
  signatureValid: boolean;
}

/** Listens on a free loopback port; `close()` stops it. */
export async function webhookReceiver(secret: string): Promise<{ server: Server; url: string; hooks: Hook[]; close(): Promise<void> }> {
  const hooks: Hook[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const timestamp = String(req.headers['x-backup-graph-timestamp']);
      const expected = 'sha256=' + createHmac('sha256', secret).update(`${timestamp}.`).update(raw).digest('hex');
      const body = JSON.parse(raw.toString('utf8')) as { event: string; alert: { id: string } };
      hooks.push({ event: body.event, alertId: body.alert.id, deliveryId: String(req.headers['x-backup-graph-delivery']), signatureValid: req.headers['x-backup-graph-signature'] === expected });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, hooks, close: () => new Promise((r) => server.close(() => r())) };
}
