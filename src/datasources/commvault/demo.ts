import { CLOUD_TENANT_BUDGET, startCommvaultSimulator } from '../../../simulators/commvault/index.js';
import type { DemoUpstream } from '../product.js';

/** The simulators' own default login (simulators/README.md). */
export const DEMO_SIM_USER = { username: 'admin', password: 'admin' } as const;

/** A company user of the simulator: sees Acme's 80 workload clients, not the CommCell's 325. */
const DEMO_COMPANY_USER = { username: 'acme', password: 'acme' } as const;

interface CommvaultDemoSpec {
  id: string;
  kind: 'commvault' | 'commvault-cloud';
  defaultPort: number;
  portEnv: string;
  /** Another seed, other data: the same client names, jobs and failures do not repeat across the estate. */
  seed: number;
  basePath: '/webconsole/api' | '/commandcenter/api';
}

function commvaultDemo(spec: CommvaultDemoSpec, extra: Pick<DemoUpstream, 'legacyPortKey' | 'scopedCaller'> = {}): DemoUpstream {
  const cloud = spec.kind === 'commvault-cloud';
  return {
    id: spec.id,
    defaultPort: spec.defaultPort,
    portEnv: spec.portEnv,
    ...extra,
    upstreamInput: (port) => ({ id: spec.id, kind: spec.kind, url: `http://127.0.0.1:${port}${spec.basePath}`, ...DEMO_SIM_USER }),
    // A Cloud tenant counts one budget for all its callers (docs/upstreams/commvault.md §9.2); the simulator enforces it.
    start: (options) => startCommvaultSimulator({ ...options, seed: spec.seed, driftFigures: true, basePath: spec.basePath, ...(cloud ? { tenantBudget: CLOUD_TENANT_BUDGET } : {}) }),
  };
}

/**
 * The demo's Commvault estate: two CommServes on different seeds (`cv-demo`, and `cv-demo-2` with the
 * company-scoped caller `demo-acme`) and one Commvault Cloud tenant (`cvcloud-demo`, 1000 reads and 100
 * writes an hour for all callers together, as the service counts them).
 */
export const commvaultDemos: readonly DemoUpstream[] = [
  commvaultDemo(
    { id: 'cv-demo', kind: 'commvault', defaultPort: 8401, portEnv: 'COMMVAULT_SIM_PORT', seed: 42, basePath: '/webconsole/api' },
    { legacyPortKey: 'commvaultSimPort' },
  ),
  commvaultDemo(
    { id: 'cv-demo-2', kind: 'commvault', defaultPort: 8403, portEnv: 'COMMVAULT_SIM_PORT_2', seed: 7, basePath: '/webconsole/api' },
    { scopedCaller: { id: 'demo-acme', role: 'analyst', credential: DEMO_COMPANY_USER } },
  ),
  commvaultDemo({ id: 'cvcloud-demo', kind: 'commvault-cloud', defaultPort: 8404, portEnv: 'COMMVAULT_CLOUD_SIM_PORT', seed: 1001, basePath: '/commandcenter/api' }),
];
