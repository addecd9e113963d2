import { pino } from 'pino';
import { parseConfig } from '../../src/config/load.js';
import type { Principal } from '../../src/context.js';
import type { BackupDrSource } from '../../src/datasources/backupdr/backupdr-source.js';
import { backupDrUpstreams } from '../../src/datasources/backupdr/product.js';
import { createUpstreamPipeline } from '../../src/datasources/pipeline/index.js';
import { SourceRegistry } from '../../src/datasources/registry.js';

/**
 * The service account's source for one console upstream (`upstream`: its raw config entry) over a real
 * pipeline and registry, as the gateway builds it; `close` logs it out and closes the pools.
 */
export function consoleSource(upstream: Record<string, unknown>): { source: BackupDrSource; close(): Promise<void> } {
  const logger = pino({ level: 'silent' });
  const config = parseConfig({ upstreams: [{ kind: 'backupdr', ...upstream }], logLevel: 'silent' }, {});
  const id = config.upstreams[0]!.id;
  const pipeline = createUpstreamPipeline({ upstreams: config.upstreams, cache: config.cache, logger });
  const registry = new SourceRegistry({ config, pipeline, logger, products: [backupDrUpstreams] });
  const principal: Principal = { id: 'svc', role: 'analyst', upstreamIds: [id], credentials: {} };
  return {
    source: registry.forPrincipal(principal).source(backupDrUpstreams, id),
    async close() {
      await registry.close();
      await pipeline.close();
    },
  };
}
