/**
 * The GraphQL floor of the lean-stack scenario: a bare Apollo Server 5 on fastify
 * (@as-integrations/fastify, the gateway's own integration) with a one-field schema and Apollo's
 * defaults, answering `{ __typename }`. What the gateway spends above it is its own request stack.
 */
import { ApolloServer } from '@apollo/server';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import Fastify from 'fastify';

const app = Fastify({ logger: false });
const apollo = new ApolloServer({ typeDefs: 'type Query { hello: String }', resolvers: { Query: { hello: () => 'world' } }, plugins: [fastifyApolloDrainPlugin(app)] });
await apollo.start();
app.route({ url: '/graphql', method: ['GET', 'POST', 'OPTIONS'], handler: fastifyApolloHandler(apollo) });
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.on('message', (m: { type?: string }) => {
  if (m.type === 'stop') void apollo.stop().finally(() => process.exit(0));
});
process.on('disconnect', () => process.exit(0));
process.send?.({ type: 'ready', url });
