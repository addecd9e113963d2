/**
 * The HTTP floor of scenario 2: fastify (the gateway's own HTTP layer) answering POST /graphql with a
 * fixed JSON body of the same bytes as the gateway's answer, after parsing the request body as the
 * gateway does. What is left above this floor is GraphQL and the gateway. Body in BENCH_STATIC_BODY.
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

// Read at the first request, not at start: the bench starts this process while the answer is still
// being fetched from the gateway, and writes the file before it sends anything here.
let body: string | undefined;
const app = Fastify({ logger: false });
app.post('/graphql', async (_req, reply) => {
  body ??= readFileSync(process.env.BENCH_STATIC_BODY ?? '', 'utf8');
  reply.header('content-type', 'application/json; charset=utf-8');
  return body;
});
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.on('message', (m: { type?: string }) => {
  if (m.type === 'stop') void app.close().finally(() => process.exit(0));
});
process.on('disconnect', () => process.exit(0));
process.send?.({ type: 'ready', url });
