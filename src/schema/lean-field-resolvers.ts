import { isInterfaceType, isObjectType, isUnionType, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema, type GraphQLTypeResolver } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

type ParamKind = 'root' | 'context' | 'info';
type Resolve = GraphQLFieldResolver<unknown, unknown>;

/**
 * Calls each `@FieldResolver` method directly instead of through type-graphql's generic handler.
 *
 * For every call, type-graphql's handler builds a resolver-data object, asks its container for the
 * resolver instance, runs the (empty) middleware chain, and re-sorts and maps the parameter list
 * (getParams sorts it on every call). On a warm 100-job page that was ~0.2 ms and a share of the
 * garbage (docs/performance.md). Where a method takes only `@Root()`, `@Ctx()` and `@Info()` and has no
 * middlewares or roles — every relation field of the gateway — this builds the call once, at start.
 * Methods with arguments keep type-graphql's handler (it converts and validates input types).
 *
 * Like type-graphql's default container, one instance per resolver class is made with `new`; the
 * gateway's resolvers are stateless (their state is the request context). The root is passed as it
 * is: parents are domain records (plain objects, typed by interfaces), which type-graphql would pass
 * unchanged too. Returns how many fields were rewired.
 */
export function leanFieldResolvers(schema: GraphQLSchema): number {
  const storage = getMetadataStorage();
  const instances = new Map<Function, Record<string, unknown>>();
  let rewired = 0;
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type)) continue;
    const fieldsMetadata = [
      ...storage.interfaceTypes.filter((i) => objectType.interfaceClasses?.includes(i.target)).flatMap((i) => i.fields ?? []),
      ...(objectType.fields ?? []),
    ];
    const fields = type.getFields();
    for (const fieldMetadata of fieldsMetadata) {
      // type-graphql's own rule for which method resolves a field (schema-generator.js).
      const resolver = storage.fieldResolvers.find(
        (r) => r.kind === 'external' && r.getObjectType?.() === fieldMetadata.target && r.methodName === fieldMetadata.name,
      );
      const field = fields[fieldMetadata.schemaName];
      if (!resolver || !field?.resolve) continue;
      if (resolver.middlewares?.length || resolver.roles?.length || fieldMetadata.middlewares?.length || fieldMetadata.roles?.length) continue;
      const params = [...(resolver.params ?? [])].sort((a, b) => a.index - b.index);
      const simple = params.every(
        (p) => (p.kind === 'root' || p.kind === 'context') ? p.propertyName === undefined : p.kind === 'info',
      );
      if (!simple) continue;
      let instance = instances.get(resolver.target);
      if (!instance) instances.set(resolver.target, (instance = new (resolver.target as new () => Record<string, unknown>)()));
      const method = instance[resolver.methodName];
      if (typeof method !== 'function') continue;
      field.resolve = directCall(instance, method as (...args: unknown[]) => unknown, params.map((p) => p.kind as ParamKind));
      rewired += 1;
    }
  }
  return rewired;
}

function directCall(instance: object, method: (...args: unknown[]) => unknown, kinds: readonly ParamKind[]): Resolve {
  const pick = (kind: ParamKind, root: unknown, context: unknown, info: GraphQLResolveInfo): unknown =>
    kind === 'root' ? root : kind === 'context' ? context : info;
  const [a, b, c] = kinds;
  const call: Resolve =
    kinds.length === 0
      ? () => method.call(instance)
      : kinds.length === 1
        ? (root, _args, context, info) => method.call(instance, pick(a, root, context, info))
        : kinds.length === 2
          ? (root, _args, context, info) => method.call(instance, pick(a, root, context, info), pick(b, root, context, info))
          : kinds.length === 3
            ? (root, _args, context, info) =>
                method.call(instance, pick(a, root, context, info), pick(b, root, context, info), pick(c, root, context, info))
            : (root, _args, context, info) => method.apply(instance, kinds.map((k) => pick(k, root, context, info)));
  return call;
}

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
