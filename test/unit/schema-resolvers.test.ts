import 'reflect-metadata';
import { isObjectType, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGatewaySchema } from '../../src/schema/build-schema.js';
import { PRODUCTS } from '../../src/products.js';

describe('gateway schema resolvers', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildGatewaySchema(PRODUCTS);
  });

  it('gives resolvers only to fields with a @FieldResolver; every other object field is read by graphql-js default resolver', () => {
    const storage = getMetadataStorage();
    const graphqlName = (target: Function): string =>
      storage.objectTypes.find((o) => o.target === target)?.name ?? storage.interfaceTypes.find((i) => i.target === target)?.name ?? target.name;
    const declared = new Set(storage.fieldResolvers.map((r) => `${graphqlName(r.getObjectType!())}.${r.schemaName}`));
    // A @FieldResolver on an interface (e.g. StorageTarget.history) is inherited by every type implementing it.
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type)) continue;
      for (const iface of type.getInterfaces()) for (const name of Object.keys(iface.getFields())) if (declared.has(`${iface.name}.${name}`)) declared.add(`${type.name}.${name}`);
    }
    const withResolver = new Set<string>();
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || type === schema.getQueryType() || type === schema.getMutationType() || type === schema.getSubscriptionType()) continue;
      for (const field of Object.values(type.getFields())) if (field.resolve) withResolver.add(`${type.name}.${field.name}`);
    }
    expect(withResolver.size).toBeGreaterThan(0);
    expect([...withResolver].filter((f) => !declared.has(f))).toEqual([]);
    const job = schema.getType('CommvaultJob');
    if (!isObjectType(job)) throw new Error('CommvaultJob is not an object type');
    expect(job.getFields().status.resolve).toBeUndefined();
    expect(job.getFields().client.resolve).toBeTypeOf('function');
  });
});
