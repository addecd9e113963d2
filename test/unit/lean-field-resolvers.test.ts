import 'reflect-metadata';
import { execute, isInterfaceType, isObjectType, parse, type GraphQLSchema } from 'graphql';
import { Arg, buildSchema, Ctx, Field, FieldResolver, Int, InterfaceType, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { directTypeResolvers, leanFieldResolvers } from '../../src/schema/lean-field-resolvers.js';

@ObjectType('LeanThing')
class Thing {
  @Field(() => Int)
  n!: number;
}

@Resolver(() => Thing)
class ThingResolver {
  @Query(() => Thing)
  thing(): Thing {
    return Object.assign(new Thing(), { n: 2 });
  }

  @Query(() => Thing, { description: 'A plain object, not a Thing: parents are plain records, passed as they are.' })
  plainThing(): Thing {
    return Object.freeze({ n: 3 }) as Thing;
  }

  @FieldResolver(() => Int)
  times(@Root() t: Thing, @Ctx() ctx: { factor: number; roots?: unknown[] }): number {
    ctx.roots?.push(t);
    return t.n * ctx.factor;
  }

  @FieldResolver(() => Int)
  plus(@Root() t: Thing, @Arg('by', () => Int) by: number): number {
    return t.n + by;
  }
}

describe('leanFieldResolvers', () => {
  let schema: GraphQLSchema;
  let before: Record<string, unknown>;
  let rewired: number;
  beforeAll(async () => {
    schema = await buildSchema({ resolvers: [ThingResolver], validate: false });
    const type = schema.getType('LeanThing');
    if (!isObjectType(type)) throw new Error('no LeanThing');
    before = Object.fromEntries(Object.entries(type.getFields()).map(([k, f]) => [k, f.resolve]));
    rewired = leanFieldResolvers(schema);
  });

  const fields = () => {
    const type = schema.getType('LeanThing');
    if (!isObjectType(type)) throw new Error('no LeanThing');
    return type.getFields();
  };

  it('calls a field resolver taking only root, context and info directly; one taking arguments keeps type-graphql\'s handler', () => {
    expect(rewired).toBe(1);
    expect(fields().times.resolve).not.toBe(before.times);
    expect(fields().plus.resolve).toBe(before.plus);
  });

  it('answers synchronously with the method\'s result', () => {
    const info = {} as never;
    expect(fields().times.resolve?.(Object.assign(new Thing(), { n: 4 }), {}, { factor: 10 }, info)).toBe(40);
  });

  it('gives the same answers as type-graphql, and hands a plain root to the method as it is (no class instance made)', async () => {
    const roots: unknown[] = [];
    const result = await execute({
      schema,
      document: parse('{ thing { n times plus(by: 1) } plainThing { n times } }'),
      contextValue: { factor: 10, roots },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ thing: { n: 2, times: 20, plus: 3 }, plainThing: { n: 3, times: 30 } });
    expect(roots[0]).toBeInstanceOf(Thing);
    expect(roots[1]).not.toBeInstanceOf(Thing);
    expect(Object.isFrozen(roots[1])).toBe(true);
  });
});

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
