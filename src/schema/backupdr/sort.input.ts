import { Field, InputType, registerEnumType, type ClassType } from 'type-graphql';
import { SortDirection } from './sort-direction.enum.js';

/** What the resolvers read from any console list's sort input: a console attribute name and a direction. */
export interface BackupDrSortKey {
  field: string;
  direction: SortDirection;
}

/** A console attribute as the console spells it in OPTIONS `sortablefields` (`appname`, `capacity_mb`). */
const ATTRIBUTE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The GraphQL enum value standing for a console attribute: `appname` → `APPNAME`, `capacity_mb` → `CAPACITY_MB`. */
export function sortValueName(attribute: string): string {
  return attribute.toUpperCase();
}

/** One resource's typed sort: the registered enum (value name → console attribute) and the input class. */
export interface SortInput<A extends string> {
  /** `BackupDr<Resource>SortField`. */
  readonly enumName: string;
  /** `BackupDr<Resource>Sort`. */
  readonly inputName: string;
  /** The enum object registered with type-graphql: `{ APPNAME: 'appname', … }`. */
  readonly values: Readonly<Record<string, A>>;
  /** The console attributes, in table order. */
  readonly attributes: readonly A[];
  readonly input: ClassType<BackupDrSortKey & { field: A }>;
}

/**
 * Registers `enum BackupDr<resourceName>SortField` (one value per console attribute, resolved to the
 * attribute's own spelling) and `input BackupDr<resourceName>Sort { field, direction = ASC }`.
 *
 * The enum is what this gateway knows the console to sort by; the list still checks each key against the
 * console's live OPTIONS `sortablefields`, so a value some console version does not list is BAD_USER_INPUT.
 * @throws Error at startup for an empty table, a malformed or repeated attribute, or two attributes that
 *   would share one enum value name.
 */
export function sortInput<const A extends string>(resourceName: string, attributes: readonly A[], consolePath?: string): SortInput<A> {
  if (!/^[A-Z][A-Za-z0-9]*$/.test(resourceName)) throw new Error(`sortInput: "${resourceName}" is not a PascalCase resource name`);
  if (attributes.length === 0) throw new Error(`sortInput(${resourceName}): no sortable attributes`);
  const values: Record<string, A> = {};
  for (const attribute of attributes) {
    if (!ATTRIBUTE.test(attribute)) throw new Error(`sortInput(${resourceName}): "${attribute}" is not a console attribute name`);
    const name = sortValueName(attribute);
    if (name in values) throw new Error(`sortInput(${resourceName}): "${attribute}" repeats enum value ${name}`);
    values[name] = attribute;
  }
  const enumName = `BackupDr${resourceName}SortField`;
  const inputName = `BackupDr${resourceName}Sort`;
  const where = consolePath ? ` of \`${consolePath}\`` : '';
  registerEnumType(values, {
    name: enumName,
    description: `A sortable console attribute${where} (OPTIONS \`sortablefields\`). Each value sends the attribute named in its description; one this console's version does not list is BAD_USER_INPUT.`,
    valuesConfig: Object.fromEntries(attributes.map((a) => [sortValueName(a), { description: `\`${a}\`` }])),
  });

  @InputType(inputName, { description: `One sort key${where}; keys apply in list order.` })
  class Sort implements BackupDrSortKey {
    @Field(() => values, { description: 'The console attribute to sort by.' })
    field!: A;

    @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Sent as `:asc` or `:desc`.' })
    direction!: SortDirection;
  }

  return { enumName, inputName, values, attributes, input: Sort };
}
