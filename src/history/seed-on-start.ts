import type { GraphQLSchema } from 'graphql';
import type { GatewayConfig } from '../config/schema.js';
import { createGatewayContext } from '../context.js';
import type { SourceRegistry } from '../datasources/registry.js';
import type { Logger } from '../observability/logger.js';
import { CallerDirectory } from '../plugins/caller.js';
import type { HistoryStore } from '../store/history-store.js';
import { seedDemoHistory } from './demo-seed.js';
import { readDemoEstate } from './read-demo-estate.js';

/**
 * At a demo's start (no config file, the embedded store): seed 30 simulated days into an empty store,
 * reading today's figures as the demo's admin caller. A failure is logged and the demo starts without
 * them: history then begins with the first collection, as it does for real upstreams.
 */
export async function seedDemoOnStart(deps: { config: GatewayConfig; schema: GraphQLSchema; registry: SourceRegistry; history: HistoryStore; logger: Logger }): Promise<void> {
  const { config, history, logger } = deps;
  if (!config.demo || config.store.url) return;
  try {
    const principal = new CallerDirectory(config).authenticate('Bearer demo-admin');
    const ctx = createGatewayContext({ principal, registry: deps.registry, config, history });
    const seeded = await seedDemoHistory(history, () => readDemoEstate(deps.schema, ctx), Date.now());
    if (seeded) logger.info('demo history seeded: 30 simulated days (docs/history.md "Demo seeding")');
  } catch (error) {
    logger.warn({ err: error }, 'demo history not seeded');
  }
}
