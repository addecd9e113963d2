import { ConfigError, loadConfig } from './config/load.js';
import { createGateway } from './gateway.js';
import { createLogger } from './observability/logger.js';

/** `npm start`: read the config once, start the gateway, stop gracefully on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  let config;
  try {
    config = await loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`backup-graph: configuration error: ${e.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }
  const logger = createLogger(config.logLevel);
  const gateway = await createGateway(config, { logger });
  const url = await gateway.listen();
  logger.info(
    { graphql: `${url}/graphql`, playground: config.server.playground ? `${url}/playground` : undefined, demo: Boolean(config.demo) },
    config.demo ? 'backup-graph is up on its built-in simulators; try: Authorization: Bearer demo-analyst' : 'backup-graph is up',
  );

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    gateway.stop().then(
      () => {
        logger.info('backup-graph stopped');
        process.exit(0);
      },
      (e: unknown) => {
        logger.error({ err: e }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((e: unknown) => {
  process.stderr.write(`backup-graph: failed to start: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
