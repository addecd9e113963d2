import { startChildGateway } from './lib/child-gateway.js';
import { benchConfig } from './lib/gateway-config.js';
import { GraphQLClient } from './lib/graphql-client.js';
import { DASHBOARD_JOBS } from './lib/documents.js';
import { startCommvaultSimulator } from '../simulators/commvault/index.js';
const sim = await startCommvaultSimulator({ port: 0, latencyMs: 5 });
const gateway = await startChildGateway(benchConfig({ simulatorUrl: sim.url, readBucket: { capacity: 10000, refillPerSecond: 10000 }, ttlMs: { jobsRunning: 0, jobsFinished: 0, inventory: 0, capacity: 0, events: 0, metadata: 0 } }));
const client = new GraphQLClient(gateway.url, 1);
const times: number[] = [];
for (let i = 0; i < 110; i++) { sim.reset(); const a = await client.query(DASHBOARD_JOBS, { first: 100 }); if (i >= 10) times.push(a.ms); if (i % 10 === 0) console.log(a.ms.toFixed(0), 'ms', JSON.stringify(sim.stats().byRoute), a.body.errors ? JSON.stringify(a.body.errors).slice(0,200) : ''); }

times.sort((a, b) => a - b);
console.log('p50', times[50].toFixed(1), 'p90', times[90].toFixed(1), 'mean', (times.reduce((a, b) => a + b, 0) / times.length).toFixed(1));
await client.close(); await gateway.stop(); await sim.close();
