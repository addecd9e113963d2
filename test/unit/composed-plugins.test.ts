import { ApolloServer, type ApolloServerPlugin, type BaseContext, type GraphQLRequestListener } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { composedPlugins } from '../../src/plugins/composed-plugins.js';

const typeDefs = 'type Query { hello: String, other: String }';
const resolvers = { Query: { hello: () => 'world', other: () => 'x' } };

/** What a plugin does at each hook point: record it, and optionally more. */
interface Behaviour {
  failOperation?: boolean;
  answer?: boolean;
  resolveFields?: boolean;
}

/** A plugin named `name` that writes every hook and end hook it meets to `events`. */
function recording(name: string, events: string[], behaviour: Behaviour = {}): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      events.push(`${name}:requestDidStart`);
      const listener: GraphQLRequestListener<BaseContext> = {
        async didResolveSource() {
          events.push(`${name}:didResolveSource`);
        },
        async parsingDidStart() {
          events.push(`${name}:parsingDidStart`);
          return async (err?: Error) => void events.push(`${name}:parsingDidEnd${err ? ':error' : ''}`);
        },
        async validationDidStart() {
          events.push(`${name}:validationDidStart`);
          return async (errs?: ReadonlyArray<Error>) => void events.push(`${name}:validationDidEnd${errs?.length ? ':errors' : ''}`);
        },
        async didResolveOperation() {
          events.push(`${name}:didResolveOperation`);
          if (behaviour.failOperation) throw new GraphQLError(`refused by ${name}`, { extensions: { code: 'FORBIDDEN' } });
        },
        async didEncounterErrors() {
          events.push(`${name}:didEncounterErrors`);
        },
        async executionDidStart() {
          events.push(`${name}:executionDidStart`);
          return {
            async executionDidEnd(err?: Error) {
              events.push(`${name}:executionDidEnd${err ? ':error' : ''}`);
            },
            ...(behaviour.resolveFields
              ? {
                  willResolveField({ info }) {
                    events.push(`${name}:willResolveField:${info.fieldName}`);
                    return () => void events.push(`${name}:didResolveField:${info.fieldName}`);
                  },
                }
              : {}),
          };
        },
        async willSendResponse() {
          events.push(`${name}:willSendResponse`);
        },
        async responseForOperation() {
          events.push(`${name}:responseForOperation`);
          if (!behaviour.answer) return null;
          return { http: { status: 200, headers: new Map() as never }, body: { kind: 'single', singleResult: { data: { hello: `from ${name}` } } } } as never;
        },
      };
      return listener;
    },
  };
}

/** The events and answer of one operation, with the plugins given to Apollo one by one or composed. */
async function run(query: string, behaviours: Behaviour[], composed: boolean): Promise<{ events: string[]; body: unknown }> {
  const events: string[] = [];
  const plugins = behaviours.map((b, i) => recording(`p${i}`, events, b));
  const server = new ApolloServer({ typeDefs, resolvers, plugins: composed ? [composedPlugins(plugins)] : plugins });
  await server.start();
  try {
    const response = await server.executeOperation({ query });
    return { events, body: response.body };
  } finally {
    await server.stop();
  }
}

describe('the gateway plugins composed into one', () => {
  const cases: Array<[string, string, Behaviour[]]> = [
    ['a query that runs', '{ hello }', [{}, {}, {}]],
    ['a document that does not parse', '{ hello', [{}, {}, {}]],
    ['a document that does not validate', '{ nope }', [{}, {}]],
    ['an operation a plugin refuses', '{ hello }', [{}, { failOperation: true }, {}]],
    ['an operation a plugin answers itself', '{ hello }', [{}, { answer: true }, { answer: true }]],
    ['fields a plugin follows', '{ hello other }', [{ resolveFields: true }, {}, { resolveFields: true }]],
  ];

  for (const [what, query, behaviours] of cases) {
    it(`meets every hook as Apollo meets separate plugins: ${what}`, async () => {
      const separate = await run(query, behaviours, false);
      const together = await run(query, behaviours, true);
      expect(together.events).toEqual(separate.events);
      expect(together.body).toEqual(separate.body);
      // The case does what it says, so the comparison covers it.
      expect(separate.events.length).toBeGreaterThan(behaviours.length * 3);
    });
  }

  it('asks later plugins for no answer once one has answered', async () => {
    const { events, body } = await run('{ hello }', [{}, { answer: true }, { answer: true }], true);
    expect(events.filter((e) => e.endsWith(':responseForOperation'))).toEqual(['p0:responseForOperation', 'p1:responseForOperation']);
    expect(JSON.stringify(body)).toContain('from p1');
  });

  it('lets Apollo wrap resolvers only when some plugin follows fields', async () => {
    const { events } = await run('{ hello }', [{}, {}], true);
    expect(events.some((e) => e.includes('willResolveField'))).toBe(false);
    const following = await run('{ hello }', [{}, { resolveFields: true }], true);
    expect(following.events).toContain('p1:willResolveField:hello');
    expect(following.events).toContain('p1:didResolveField:hello');
  });

  it('refuses a plugin with a server-level hook rather than leave it unrun', () => {
    const serverLevel: ApolloServerPlugin<BaseContext> = { async serverWillStart() {} };
    expect(() => composedPlugins([recording('p0', []), serverLevel])).toThrow(/serverWillStart/);
  });
});
