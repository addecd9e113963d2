/**
 * A demo gateway in its own process for the collector tests: the demo estate (its simulators on the ports
 * the environment names), with the config input of GATEWAY_OVERRIDES (JSON: store, collectors,
 * notifications…) laid over it. Prints `listening <url>` once serving; the tests SIGKILL it.
 */
import { pino } from 'pino';
import { demoConfigInput, parseConfig } from '../../src/config/load.js';
import { createGateway } from '../../src/gateway.js';

const overrides = JSON.parse(process.env.GATEWAY_OVERRIDES ?? '{}') as Record<string, unknown>;
const base = demoConfigInput(process.env) as Record<string, unknown>;
// What loadConfig's environment overrides would do: the replica's holder name.
const holder = process.env.BACKUP_GRAPH_COLLECTOR_HOLDER;
if (holder) overrides.collectors = { ...(overrides.collectors as object | undefined), holder };
const config = parseConfig({ ...base, logLevel: 'warn', server: { port: 0 }, ...overrides }, process.env);
const gateway = await createGateway(config, { logger: pino({ level: process.env.GATEWAY_LOG_LEVEL ?? 'warn' }, pino.destination({ dest: 2, sync: true })) });
const url = await gateway.listen();
process.stdout.write(`listening ${url}\n`);
const stop = () => void gateway.stop().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
