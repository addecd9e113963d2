import { startCommvaultSimulator } from '../../../simulators/commvault/index.js';
import type { DemoUpstream } from '../product.js';

/** The simulators' own default login (simulators/README.md). */
export const DEMO_SIM_USER = { username: 'admin', password: 'admin' } as const;

/** The demo's CommServe: the built-in Commvault simulator, upstream `cv-demo`, port `demo.commvaultSimPort`. */
export const commvaultDemo: DemoUpstream = {
  id: 'cv-demo',
  portKey: 'commvaultSimPort',
  upstreamInput: (port) => ({ id: 'cv-demo', kind: 'commvault', url: `http://127.0.0.1:${port}/webconsole/api`, ...DEMO_SIM_USER }),
  start: (options) => startCommvaultSimulator(options),
};
