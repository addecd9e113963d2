import { ObjectType as TypeGraphQLObjectType, type ObjectTypeOptions } from 'type-graphql';

/**
 * type-graphql's `@ObjectType` with `simpleResolvers` on: a field without a field resolver is read by
 * graphql-js's default resolver. Otherwise type-graphql wraps every plain field of every object in a
 * resolver of its own (a middleware pass per field), which the gateway does not use — it has no
 * field middlewares or `@Authorized` fields — and which cost ~0.1–0.3 ms on a warm 100-job page
 * (docs/performance.md). Every object type of the schema is declared with this decorator.
 */
export function ObjectType(nameOrOptions?: string | ObjectTypeOptions, maybeOptions?: ObjectTypeOptions): ClassDecorator {
  if (typeof nameOrOptions === 'string') return TypeGraphQLObjectType(nameOrOptions, { simpleResolvers: true, ...maybeOptions });
  return TypeGraphQLObjectType({ simpleResolvers: true, ...nameOrOptions });
}
