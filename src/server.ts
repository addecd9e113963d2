import { loadConfigOrExit } from './config/load.js';
import { createGateway } from './gateway.js';
import { createLogger } from './observability/logger.js';

/** `npm start`: read the config once, start the gateway, stop gracefully on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const config = await loadConfigOrExit('backup-graph');
  const logger = createLogger(config.logLevel);
  const gateway = await createGateway(config, { logger });
  const url = await gateway.listen();
  logger.info(
    { graphql: `${url}/graphql`, playground: config.server.playground ? `${url}/playground` : undefined, demo: Boolean(config.demo) },
    config.demo ? 'backup-graph is up on its built-in simulators; try: Authorization: Bearer demo-analyst' : 'backup-graph is up',
  );

  // One shutdown, whatever number of signals: `npm start` runs tsx, which relays each signal to this
  // process, and a supervisor stopping a replica signals its whole process group, so one stop is at
  // least two SIGTERMs here. With `process.once` the second found no listener and killed the process
  // (exit 143) in the middle of the upstream logouts; now it is logged and changes nothing. Only the
  // bound below ends a shutdown early.
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'shutdown already under way: running requests and upstream logouts finish first');
      return;
    }
    stopping = true;
    logger.info({ signal, timeoutMs: config.server.shutdownTimeoutMs }, 'shutting down');
    const force = setTimeout(() => {
      logger.error({ timeoutMs: config.server.shutdownTimeoutMs }, 'shutdown took too long; exiting with upstream sessions possibly open');
      process.exit(1);
    }, config.server.shutdownTimeoutMs);
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
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  // SIGHUP rereads every file secret (`…File`, `…_FILE`, TLS and Google key files); nothing restarts and requests in flight go on.
  process.on('SIGHUP', () => {
    logger.info('SIGHUP: rereading secret files');
    gateway.reloadSecrets();
  });
}

main().catch((e: unknown) => {
  process.stderr.write(`backup-graph: failed to start: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
