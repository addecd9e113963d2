import { createHash } from 'node:crypto';
import { buildSchema, getOperationAST, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { compileQuery } from 'graphql-jit';
import { pino } from 'pino';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jitGateway } from '../../src/execution/jit-gateway.js';

// Counted, not replaced: the executor still runs what graphql-jit compiles.
vi.mock('graphql-jit', async (importOriginal) => {
  const original = await importOriginal<typeof import('graphql-jit')>();
  return { ...original, compileQuery: vi.fn(original.compileQuery) };
});

const schema: GraphQLSchema = buildSchema('type Query { hello(name: String): String, answer: Int }');
// No root value is passed to the executor: the resolvers sit on the schema's fields.
const queryFields = schema.getQueryType()?.getFields() ?? {};
if (queryFields.hello) queryFields.hello.resolve = (_root, args: { name?: string }) => `hello ${args.name ?? 'you'}`;
if (queryFields.answer) queryFields.answer.resolve = () => 42;
const logger = pino({ level: 'silent' });
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function executorOf(precompile?: Array<{ hash: string; document: DocumentNode }>) {
  const { executor } = await jitGateway(schema, { maxDocuments: 10, logger, ...(precompile ? { precompile } : {}) }).load({ apollo: {} } as never);
  if (!executor) throw new Error('no executor');
  /** As Apollo calls it: the query hash of the text and the name of the operation it resolved. */
  return (text: string, operationName?: string, variables: Record<string, unknown> = {}) => {
    const document = parse(text);
    const operation = getOperationAST(document, operationName);
    if (!operation) throw new Error('no operation');
    return executor({
      document,
      operation,
      operationName: operation.name?.value ?? null,
      request: { variables },
      context: {},
      queryHash: sha256(text),
    } as never);
  };
}

describe('jitGateway', () => {
  beforeEach(() => {
    vi.mocked(compileQuery).mockClear();
  });

  it('compiles a document once and runs the compiled plan on every later request', async () => {
    const run = await executorOf();
    expect(await run('query Hi($n: String) { hello(name: $n) }', undefined, { n: 'ann' })).toEqual({ data: { hello: 'hello ann' } });
    expect(await run('query Hi($n: String) { hello(name: $n) }', undefined, { n: 'bob' })).toEqual({ data: { hello: 'hello bob' } });
    expect(compileQuery).toHaveBeenCalledTimes(1);
  });

  it('precompiles the given documents at load, each operation under the name Apollo resolves, so their first request compiles nothing', async () => {
    const twoOps = 'query A { answer } query B { hello }';
    const anonymous = '{ answer }';
    const run = await executorOf([
      { hash: sha256(twoOps), document: parse(twoOps) },
      { hash: sha256(anonymous), document: parse(anonymous) },
    ]);
    expect(compileQuery).toHaveBeenCalledTimes(3);
    expect(await run(twoOps, 'A')).toEqual({ data: { answer: 42 } });
    expect(await run(twoOps, 'B')).toEqual({ data: { hello: 'hello you' } });
    expect(await run(anonymous)).toEqual({ data: { answer: 42 } });
    expect(compileQuery).toHaveBeenCalledTimes(3);
    // A document outside the list is compiled on its first request, as before.
    expect(await run('{ hello(name: "x") }')).toEqual({ data: { hello: 'hello x' } });
    expect(compileQuery).toHaveBeenCalledTimes(4);
  });

  it('answers variable errors as graphql-js does, before the compiled code runs', async () => {
    const run = await executorOf();
    const result = await run('query Hi($n: String!) { hello(name: $n) }');
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.message).toBe('Variable "$n" of required type "String!" was not provided.');
  });

  it('answers a request whose operationName names no operation with graphql-js\'s error, compiling nothing', async () => {
    const { executor } = await jitGateway(schema, { maxDocuments: 10, logger }).load({ apollo: {} } as never);
    const text = 'query A { answer }';
    // Apollo found no operation for "B" and passes none; the executor used to read its variables and throw.
    const result = await executor!({
      document: parse(text),
      operation: undefined,
      operationName: null,
      request: { operationName: 'B', variables: {} },
      context: {},
      queryHash: sha256(text),
    } as never);
    expect(result.errors?.map((e) => e.message)).toEqual(['Unknown operation named "B".']);
    expect(compileQuery).not.toHaveBeenCalled();
  });
});
