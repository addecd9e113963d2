import { isInterfaceType, isUnionType, type GraphQLSchema, type GraphQLTypeResolver } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/**
 * Calls each interface's and union's declared `resolveType` directly. type-graphql wraps it in an
 * `async` function, so every abstract value would resolve its type through a promise: graphql-js
 * waits for it (a promise per job of a page, on the warm path), and graphql-jit does not support it at
 * all (it reads the result synchronously). The declared functions (`typeOfRecord`) answer at once
 * with a type name; one returning a class is answered with that class's type name. Returns how many
 * types were rewired.
 */
export function directTypeResolvers(schema: GraphQLSchema): number {
  const storage = getMetadataStorage();
  const nameOf = (target: unknown): string | undefined => storage.objectTypes.find((o) => o.target === target)?.name;
  const declared = [
    ...storage.interfaceTypes.map((i) => ({ name: i.name, resolveType: i.resolveType })),
    ...storage.unions.map((u) => ({ name: u.name, resolveType: u.resolveType })),
  ];
  let rewired = 0;
  for (const { name, resolveType } of declared) {
    const type = schema.getType(name);
    if (!resolveType || !(isInterfaceType(type) || isUnionType(type))) continue;
    const resolve = resolveType as (...args: Parameters<GraphQLTypeResolver<unknown, unknown>>) => unknown;
    type.resolveType = (value, context, info, abstractType) => {
      const resolved = resolve(value, context, info, abstractType);
      return typeof resolved === 'string' || resolved == null ? (resolved ?? undefined) : (nameOf(resolved) as string);
    };
    rewired += 1;
  }
  return rewired;
}
