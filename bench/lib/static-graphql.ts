import { buildSchema, execute, parse, printSchema, type DocumentNode, type GraphQLSchema } from 'graphql';
import { buildGatewaySchema } from '../../src/schema/build-schema.js';
import { PRODUCTS } from '../../src/products.js';
import { nowMs } from './stats.js';

/**
 * The GraphQL floor of scenario 2: graphql-js `execute` of the same document over a static root
 * object shaped like the answer, on the gateway's schema with its resolvers stripped (printed SDL,
 * default field resolvers). Abstract types are resolved from `__typename`, which is put on every
 * object the answer holds under an interface.
 */
export async function staticExecutor(document: string, data: unknown, typename: (path: string[]) => string | undefined): Promise<{
  run(variables: Record<string, unknown>): unknown;
}> {
  const schema: GraphQLSchema = buildSchema(printSchema(await buildGatewaySchema(PRODUCTS)));
  const doc: DocumentNode = parse(document);
  const rootValue = withTypenames(data, [], typename);
  return {
    run(variables) {
      // Parsed once, not validated per call: Apollo caches both per document, so neither belongs to the floor.
      const result = execute({ schema, document: doc, rootValue, variableValues: variables });
      if (result instanceof Promise) throw new Error('static execution must be synchronous');
      if (result.errors?.length) throw new Error(`static execution failed: ${result.errors[0].message}`);
      // The gateway's answer is serialized too; so is this one.
      return JSON.stringify(result);
    },
  };
}

function withTypenames(value: unknown, path: string[], typename: (path: string[]) => string | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => withTypenames(v, path, typename));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = withTypenames(v, [...path, k], typename);
  const t = typename(path);
  if (t) out.__typename = t;
  return out;
}

/** Runs `fn` for about `ms` milliseconds; per-call durations in ms. */
export function timeLoop(fn: () => unknown, ms: number): number[] {
  const samples: number[] = [];
  const end = nowMs() + ms;
  while (nowMs() < end) {
    const t = nowMs();
    fn();
    samples.push(nowMs() - t);
  }
  return samples;
}
