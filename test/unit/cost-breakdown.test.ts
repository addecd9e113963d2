import 'reflect-metadata';
import { parse, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { estimateCostBreakdown } from '../../src/plugins/cost/estimate.js';
import { buildGatewaySchema } from '../../src/schema/build-schema.js';
import { PRODUCTS, PRODUCT_COSTS } from '../../src/products.js';

const UPSTREAMS = [
  { id: 'cv-a', group: 'commvault' },
  { id: 'cv-b', group: 'commvault' },
  { id: 'bdr-a', group: 'backupdr' },
];

describe('estimateCostBreakdown (each upstream’s share, by read and write)', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildGatewaySchema(PRODUCTS);
  });
  const breakdown = (text: string, variables?: Record<string, unknown>) =>
    estimateCostBreakdown({ schema, document: parse(text), variables, upstreams: UPSTREAMS, products: PRODUCT_COSTS, maxPageSize: 500, now: 0 });

  it('charges a per-client relation of one named CommServe to that CommServe alone, as reads', () => {
    const b = breakdown('{ commvaultClients(upstream: "cv-a", first: 50) { edges { node { subclients { name } } } } }');
    expect(b.total).toBe(51);
    expect(b.upstreams).toEqual([{ id: 'cv-a', read: 51, write: 0 }]);
  });

  it('splits a fan-out evenly over the CommServes it asks, and charges no console', () => {
    const b = breakdown('{ commvaultClients(first: 10) { totalCount } }');
    expect(b.total).toBe(2);
    expect(b.upstreams).toEqual([
      { id: 'cv-a', read: 1, write: 0 },
      { id: 'cv-b', read: 1, write: 0 },
    ]);
  });

  it('prices the last successful backup of 200 clients as a walk of list calls, not 200 calls', () => {
    const b = breakdown('{ commvaultClients(upstream: "cv-a", first: 200) { edges { node { lastSuccessfulBackupAt } } } }');
    // The client list, then ceil(200 clients / 6 clients per 1000-job page).
    expect(b.total).toBe(1 + 34);
    expect(b.upstreams).toEqual([{ id: 'cv-a', read: 35, write: 0 }]);
  });

  it('counts a mutation’s own calls as writes', () => {
    const b = breakdown('mutation { backupSubclient(input: { subclient: "x" }) { __typename } }');
    expect(b.upstreams.every((u) => u.read === 0)).toBe(true);
    expect(b.upstreams.some((u) => u.write > 0)).toBe(true);
  });
});
