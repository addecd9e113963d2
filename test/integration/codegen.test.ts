import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { buildSchema as buildFromSdl, lexicographicSortSchema, parse, printSchema, validate, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import 'reflect-metadata';
import { buildGatewaySchema } from '../../src/schema/build-schema.js';
import { PRODUCTS } from '../../src/products.js';

const root = new URL('../..', import.meta.url).pathname;
const run = promisify(execFile);

describe('codegen outputs', () => {
  it('schema.graphql is the SDL of the schema the gateway builds (run `npm run codegen` when this fails)', async () => {
    const snapshot = await readFile(`${root}schema.graphql`, 'utf8');
    // schema-ast sorts types and fields; compare both sides in that order.
    const canonical = (schema: GraphQLSchema) => printSchema(lexicographicSortSchema(schema));
    expect(canonical(buildFromSdl(snapshot))).toBe(canonical(await buildGatewaySchema(PRODUCTS)));
  });

  it('every operation in operations/ validates against the schema', async () => {
    const schema = await buildGatewaySchema(PRODUCTS);
    const { stdout } = await run('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'operations'], { cwd: root });
    const files = stdout.split('\n').filter((f) => f.endsWith('.graphql'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const errors = validate(schema, parse(await readFile(`${root}${file}`, 'utf8')));
      expect(errors.map((e) => `${file}: ${e.message}`)).toEqual([]);
    }
  });

  it('generated typed documents are up to date with operations/ (graphql-codegen --check)', async () => {
    await expect(
      run('npm', ['run', '--silent', 'codegen', '--', '--check'], { cwd: root, env: { ...process.env, FORCE_COLOR: '0' } }),
    ).resolves.toBeDefined();
  }, 60_000);
});
