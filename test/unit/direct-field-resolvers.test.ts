import 'reflect-metadata';
import { graphql } from 'graphql';
import { Arg, buildSchema, Ctx, Field, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { ObjectType } from '../../src/schema/object-type.js';
import { directFieldResolvers } from '../../src/schema/field-resolvers.js';

@ObjectType()
class Shelf {
  @Field(() => String)
  name!: string;
}

interface ShelfRecord {
  name: string;
  size: number;
}

@Resolver(() => Shelf)
class ShelfResolver {
  @Query(() => [Shelf])
  shelves(): ShelfRecord[] {
    return [
      { name: 'a', size: 2 },
      { name: 'b', size: 3 },
    ];
  }

  @FieldResolver(() => String)
  label(@Root() shelf: ShelfRecord, @Ctx() ctx: { prefix: string }, @Info() info: { fieldName: string }): string {
    return `${ctx.prefix}${shelf.name}:${shelf.size}:${info.fieldName}`;
  }

  @FieldResolver(() => String)
  initial(@Root('name') name: string, @Ctx('prefix') prefix: string): string {
    return prefix + name.toUpperCase();
  }

  @FieldResolver(() => Number)
  scaled(@Root() shelf: ShelfRecord, @Arg('by', () => Number) by: number): number {
    return shelf.size * by;
  }
}

describe('directFieldResolvers', () => {
  it('calls the field resolvers without arguments directly, with what type-graphql would pass, and leaves the others to it', async () => {
    const schema = await buildSchema({ resolvers: [ShelfResolver], validate: false });
    const query = '{ shelves { name label initial scaled(by: 10) } }';
    const before = await graphql({ schema, source: query, contextValue: { prefix: '#' } });
    const builtIn = schema.getQueryType()!.getFields().shelves!.resolve;
    const scaledBefore = (schema.getType('Shelf') as import('graphql').GraphQLObjectType).getFields().scaled!.resolve;

    expect(directFieldResolvers(schema)).toBe(2);
    const shelf = schema.getType('Shelf') as import('graphql').GraphQLObjectType;
    expect(shelf.getFields().scaled!.resolve).toBe(scaledBefore); // @Arg: converted and validated by type-graphql
    expect(schema.getQueryType()!.getFields().shelves!.resolve).toBe(builtIn); // root fields are not field resolvers

    const after = await graphql({ schema, source: query, contextValue: { prefix: '#' } });
    expect(after).toEqual(before);
    expect(after.data).toEqual({
      shelves: [
        { name: 'a', label: '#a:2:label', initial: '#A', scaled: 20 },
        { name: 'b', label: '#b:3:label', initial: '#B', scaled: 30 },
      ],
    });
  });
});
