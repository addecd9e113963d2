import 'reflect-metadata';
import { graphql, printType, type GraphQLEnumType, type GraphQLSchema } from 'graphql';
import { Arg, buildSchema, Query, Resolver } from 'type-graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseListMetadata, validateListSpec } from '../../src/datasources/backupdr/query-builder.js';
import { ErrorCode } from '../../src/errors/codes.js';
import { baseSpec } from '../../src/datasources/backupdr/list-specs.js';
import * as SORTS from '../../src/schema/backupdr/sort-fields.js';
import { sortInput, sortValueName, type BackupDrSortKey } from '../../src/schema/backupdr/sort.input.js';
import { SortDirection } from '../../src/schema/backupdr/sort-direction.enum.js';

const WIDGET = sortInput('Widget', ['id', 'appname', 'capacity_mb'], '/widget');

@Resolver()
class EchoResolver {
  @Query(() => String)
  echo(@Arg('sort', () => [WIDGET.input]) sort: BackupDrSortKey[]): string {
    return JSON.stringify(baseSpec(null, sort).sort);
  }
}

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildSchema({ resolvers: [EchoResolver], validate: false, emitSchemaFile: false });
});

describe('sortInput(resourceName, fields)', () => {
  it('registers BackupDr<Resource>SortField (one value per attribute) and BackupDr<Resource>Sort', () => {
    expect(WIDGET.enumName).toBe('BackupDrWidgetSortField');
    expect(WIDGET.inputName).toBe('BackupDrWidgetSort');
    expect(WIDGET.values).toEqual({ ID: 'id', APPNAME: 'appname', CAPACITY_MB: 'capacity_mb' });
    const field = schema.getType('BackupDrWidgetSortField') as GraphQLEnumType;
    expect(field.getValues().map((v) => [v.name, v.value, v.description])).toEqual([
      ['ID', 'id', '`id`'],
      ['APPNAME', 'appname', '`appname`'],
      ['CAPACITY_MB', 'capacity_mb', '`capacity_mb`'],
    ]);
    expect(field.description).toContain('`/widget`');
    const input = printType(schema.getType('BackupDrWidgetSort')!);
    expect(input).toContain('field: BackupDrWidgetSortField!');
    expect(input).toContain('direction: SortDirection! = ASC');
  });

  it('resolves enum values to the console attribute, direction defaulting to ASC', async () => {
    const result = await graphql({ schema, source: '{ echo(sort: [{ field: CAPACITY_MB }, { field: ID, direction: DESC }]) }' });
    expect(result.errors).toBeUndefined();
    expect(JSON.parse(result.data!.echo as string)).toEqual([
      { field: 'capacity_mb', descending: false },
      { field: 'id', descending: true },
    ]);
  });

  it('rejects anything but an enum value at validation (no free-text field names any more)', async () => {
    for (const source of ['{ echo(sort: [{ field: "appname" }]) }', '{ echo(sort: [{ field: ORGANIZATIONID }]) }', '{ echo(sort: [{ field: appname }]) }']) {
      const result = await graphql({ schema, source });
      expect(result.errors?.length).toBe(1);
      expect(result.data).toBeUndefined();
    }
  });

  it('fails fast on an empty table, a malformed or repeated attribute, a name clash or a bad resource name', () => {
    expect(() => sortInput('Empty', [])).toThrow(/no sortable attributes/);
    expect(() => sortInput('Bad', ['id', 'appname:asc'])).toThrow(/not a console attribute name/);
    expect(() => sortInput('Bad2', ['id', 'id'])).toThrow(/repeats enum value ID/);
    expect(() => sortInput('Bad3', ['appName', 'appname'])).toThrow(/repeats enum value APPNAME/);
    expect(() => sortInput('lowercase', ['id'])).toThrow(/PascalCase/);
  });
});

describe('the 16 console sort tables', () => {
  const tables = Object.values(SORTS);

  it('one per console connection, each with distinct names and every value named after its attribute', () => {
    expect(tables).toHaveLength(16);
    expect(new Set(tables.map((t) => t.inputName)).size).toBe(16);
    for (const t of tables) {
      expect(t.attributes).toContain('id');
      for (const a of t.attributes) expect(t.values[sortValueName(a)]).toBe(a);
      expect(Object.keys(t.values)).toHaveLength(t.attributes.length);
    }
  });

  it('an enum value the live console does not list in sortablefields is still BAD_USER_INPUT (run-time check)', () => {
    // A console version without `appversion`: the enum offers it, the OPTIONS check refuses it.
    expect(SORTS.APPLICATION_SORT.values.APPVERSION).toBe('appversion');
    const older = parseListMetadata({ 'GET(list)': { sortablefields: ['id', 'appname'], filterablefields: [] } });
    const spec = baseSpec(null, [{ field: SORTS.APPLICATION_SORT.values.APPVERSION, direction: SortDirection.ASC }]);
    expect(() => validateListSpec('application', spec, older)).toThrow(expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT }));
    const fine = baseSpec(null, [{ field: SORTS.APPLICATION_SORT.values.APPNAME, direction: SortDirection.DESC }]);
    expect(() => validateListSpec('application', fine, older)).not.toThrow();
  });
});
