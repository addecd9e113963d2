import 'reflect-metadata';
import { execute, isInterfaceType, parse } from 'graphql';
import { buildSchema, Field, Int, InterfaceType, ObjectType, Query, Resolver } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { directTypeResolvers } from '../../src/schema/type-resolvers.js';

@InterfaceType('LeanShape', { resolveType: (value: { __typename: string }) => value.__typename })
abstract class Shape {
  @Field(() => Int)
  sides!: number;
}

@ObjectType('LeanSquare', { implements: Shape })
class Square implements Shape {
  @Field(() => Int)
  sides!: number;
}

@Resolver()
class ShapeResolver {
  @Query(() => [Shape])
  shapes(): Array<{ __typename: string; sides: number }> {
    return [Object.freeze({ __typename: 'LeanSquare', sides: 4 })];
  }
}

describe('directTypeResolvers', () => {
  it('resolves an interface\'s concrete type from the record\'s __typename synchronously (type-graphql\'s own wrapper is async)', async () => {
    const schema = await buildSchema({ resolvers: [ShapeResolver], orphanedTypes: [Square], validate: false });
    const shape = schema.getType('LeanShape');
    if (!isInterfaceType(shape)) throw new Error('no LeanShape');
    const record = { __typename: 'LeanSquare', sides: 4 };
    expect(shape.resolveType?.(record, {}, {} as never, shape)).toBeInstanceOf(Promise);
    expect(directTypeResolvers(schema)).toBeGreaterThanOrEqual(1);
    expect(shape.resolveType?.(record, {}, {} as never, shape)).toBe('LeanSquare');
    const result = await execute({ schema, document: parse('{ shapes { __typename sides } }') });
    expect(result).toEqual({ data: { shapes: [{ __typename: 'LeanSquare', sides: 4 }] } });
  });
});
