import { createHash } from 'node:crypto';
import { buildSchema, execute, getOperationAST, parse, type GraphQLSchema } from 'graphql';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { jitGateway } from '../../src/execution/jit-gateway.js';

/**
 * A field of an input literal whose variable the request leaves out is absent (GraphQL spec, input
 * coercion), not null: graphql-jit alone would make it null, which an incremental update (the console's
 * PUT: a null is refused, an absent field is kept) must not see. The gateway's executor answers as graphql-js.
 */
const schema: GraphQLSchema = buildSchema(`
  input Change { a: Boolean, b: Boolean }
  type Query { given(change: Change!): [String!]!, listed(items: [Boolean]): [String!]! }
`);
const fields = schema.getQueryType()?.getFields() ?? {};
const describeObject = (o: Record<string, unknown>) => Object.entries(o).map(([k, v]) => `${k}=${String(v)}`);
if (fields.given) fields.given.resolve = (_root, args: { change: Record<string, unknown> }) => describeObject({ ...args.change });
if (fields.listed) fields.listed.resolve = (_root, args: { items?: unknown[] }) => (args.items ?? []).map(String);

const DOCUMENT = 'query ($a: Boolean, $b: Boolean) { given(change: { a: $a, b: $b }) }';

async function run(text: string, variables: Record<string, unknown>) {
  const { executor } = await jitGateway(schema, { maxDocuments: 10, logger: pino({ level: 'silent' }) }).load({ apollo: {} } as never);
  const document = parse(text);
  const request = { document, operation: getOperationAST(document), operationName: null, request: { variables }, context: {}, queryHash: createHash('sha256').update(text).digest('hex') };
  return executor!(request as never);
}

describe('jitGateway with input literals holding variables', () => {
  it('leaves a field out when its variable is left out, and keeps an explicit null, as graphql-js does', async () => {
    for (const variables of [{ a: true }, { a: true, b: null }, {}, { a: false, b: true }]) {
      const reference = await execute({ schema, document: parse(DOCUMENT), variableValues: variables });
      expect(await run(DOCUMENT, variables), JSON.stringify(variables)).toEqual(reference);
    }
    expect(await run(DOCUMENT, { a: true })).toEqual({ data: { given: ['a=true'] } });
    expect(await run(DOCUMENT, { a: true, b: null })).toEqual({ data: { given: ['a=true', 'b=null'] } });
  });

  it('answers list literals with a left-out variable as graphql-js does', async () => {
    const text = 'query ($x: Boolean) { listed(items: [true, $x]) }';
    expect(await run(text, {})).toEqual(await execute({ schema, document: parse(text), variableValues: {} }));
  });
});
