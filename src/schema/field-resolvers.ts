import { isObjectType, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

type ParamReader = (root: unknown, context: Record<string, unknown>, info: GraphQLResolveInfo) => unknown;
type Method = (...params: unknown[]) => unknown;
type ParamMetadata = { kind: string; index: number; propertyName?: string; getType?: () => unknown };

/** Declared root types type-graphql's conversion passes through unchanged (its `convertToType`). */
const AS_IS = new Set<unknown>([Object, String, Number, Boolean, Date]);

/**
 * Calls the `@FieldResolver` methods of object types directly, for those whose parameters are only
 * `@Root()`, `@Ctx()` and `@Info()`. type-graphql runs each call through its generic handler: the
 * resolver's data in a new object, the container lookup, and `getParams`, which sorts the parameter list
 * anew and maps it on every call. On a warm 100-job page that is several hundred calls, and the
 * sorts alone allocated a sixth of the request's memory (allocation profile, docs/performance.md).
 * The parameters are read here as type-graphql reads them; what this leaves to type-graphql is every
 * resolver that converts or validates (`@Arg`, `@Args`, a root typed with a class), has middlewares or
 * roles, or belongs to an interface. Resolver classes are stateless and made with `new`, as type-graphql's
 * default container makes them: one instance per class. Returns how many fields were rewired.
 */
export function directFieldResolvers(schema: GraphQLSchema): number {
  const storage = getMetadataStorage();
  const instances = new Map<Function, Record<string, Method>>();
  const instanceOf = (target: Function): Record<string, Method> => {
    let instance = instances.get(target);
    if (!instance) instances.set(target, (instance = new (target as new () => Record<string, Method>)()));
    return instance;
  };
  let rewired = 0;
  for (const meta of storage.fieldResolvers) {
    if (meta.kind !== 'external' || (meta.middlewares?.length ?? 0) > 0 || meta.roles !== undefined) continue;
    const objectTarget = meta.getObjectType?.();
    const typeName = storage.objectTypes.find((o) => o.target === objectTarget)?.name;
    const type = typeName === undefined ? undefined : schema.getType(typeName);
    if (!isObjectType(type)) continue;
    const field = type.getFields()[meta.schemaName];
    const params = [...((meta.params ?? []) as ParamMetadata[])].sort((a, b) => a.index - b.index);
    const readers = params.map(readerOf);
    if (!field || readers.some((r) => r === undefined)) continue;
    const instance = instanceOf(meta.target);
    const method = instance[meta.methodName];
    if (typeof method !== 'function') continue;
    field.resolve = direct(instance, method, readers as ParamReader[]);
    rewired += 1;
  }
  return rewired;
}

/** How type-graphql's getParams reads a parameter, for the kinds read without conversion; undefined otherwise. */
function readerOf(param: ParamMetadata): ParamReader | undefined {
  const property = param.propertyName;
  switch (param.kind) {
    case 'root': {
      // A root typed with a class of our own is converted into an instance of it by type-graphql: left
      // to it. Typed with an interface (reflected as Object) or a built-in, type-graphql hands it over as is.
      const type = param.getType?.();
      if (type !== undefined && !AS_IS.has(type)) return undefined;
      return property === undefined ? (root) => root : (root) => (root as Record<string, unknown>)[property];
    }
    case 'context':
      return property === undefined ? (_root, context) => context : (_root, context) => context[property];
    case 'info':
      return (_root, _context, info) => info;
    default:
      return undefined;
  }
}

function direct(instance: object, method: Method, readers: readonly ParamReader[]): GraphQLFieldResolver<unknown, Record<string, unknown>> {
  const [a, b, c] = readers;
  switch (readers.length) {
    case 0:
      return () => method.call(instance);
    case 1:
      return (root, _args, context, info) => method.call(instance, a!(root, context, info));
    case 2:
      return (root, _args, context, info) => method.call(instance, a!(root, context, info), b!(root, context, info));
    case 3:
      return (root, _args, context, info) => method.call(instance, a!(root, context, info), b!(root, context, info), c!(root, context, info));
    default:
      return (root, _args, context, info) => method.apply(instance, readers.map((r) => r(root, context, info)));
  }
}
