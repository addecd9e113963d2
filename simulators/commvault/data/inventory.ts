import type { Prng } from '../../common/prng.js';
import { COMMCELL_COMPANY_ID } from './organisation.js';
import { APP, type Agent, type Backupset, type Client, type Company, type DdbStore, type Instance, type MediaAgent, type OsFamily, type Plan, type StoragePolicy, type Subclient } from './types.js';

export interface Inventory {
  clients: Client[];
  agents: Agent[];
  instances: Instance[];
  backupsets: Backupset[];
  subclients: Subclient[];
}

/** Workload clients per company; with the CommServe and four MediaAgents that makes 325 clients. */
const WORKLOADS_PER_COMPANY: Readonly<Record<number, number>> = { 0: 190, 1: 80, 2: 50 };

type Role = 'fs' | 'app' | 'web' | 'sql' | 'ora' | 'vsa';

const ROLE_WEIGHTS: readonly (readonly [Role, number])[] = [
  ['fs', 35],
  ['app', 20],
  ['web', 15],
  ['sql', 15],
  ['ora', 8],
  ['vsa', 7],
];

const SITES: readonly string[] = ['nyc', 'ldn', 'fra', 'sgp'];
const VERSION = '11.32.45';

export function makeInventory(random: Prng, companies: Company[], mediaAgents: MediaAgent[], plans: Plan[]): Inventory {
  const inv: Inventory = { clients: [], agents: [], instances: [], backupsets: [], subclients: [] };
  const ids = { instance: 1, backupset: 3, subclient: 7 };
  const planByName = new Map<string, Plan>(plans.map((p) => [p.planName, p]));
  const commcell = companies.find((c) => c.companyId === COMMCELL_COMPANY_ID) as Company;

  const addClient = (c: Omit<Client, 'clientGUID' | 'version' | 'description'>): Client => {
    // Derived, not drawn, so the seed's other data stays as it was; every fifth is left empty as many are.
    const description: string = c.clientId % 5 === 0 ? '' : `${c.osName} ${c.isInfrastructure ? 'infrastructure server' : 'client'} of ${c.companyName}`;
    // New keys before the draft's: `{ ...draft, key }` gives every client its own hidden class in V8.
    const client: Client = { clientGUID: random.guid(), version: VERSION, description, ...c };
    inv.clients.push(client);
    return client;
  };

  const choosePlan = (company: Company, isDatabase: boolean): Plan => {
    let name: string;
    if (company.companyId === 1) name = isDatabase ? 'Acme Database Plan' : 'Acme Server Plan';
    else if (company.companyId === 2) name = 'Globex Server Plan';
    else if (isDatabase && random.chance(0.8)) name = 'Database Plan';
    else name = random.weighted([['Server Plan Gold', 35], ['Server Plan Silver', 30], ['Server Plan Bronze', 25], ['Cloud Archive Plan', 10]]);
    return planByName.get(name) as Plan;
  };

  const addAgent = (
    client: Client,
    app: { applicationId: number; appName: string },
    instanceName: string,
    extraBackupsets: string[],
    extraSubclients: string[],
    plan: Plan,
    defaultContent: string[],
  ): void => {
    inv.agents.push({ clientId: client.clientId, applicationId: app.applicationId, appName: app.appName });
    const instanceId: number = ids.instance++;
    inv.instances.push({ instanceId, instanceName, clientId: client.clientId, applicationId: app.applicationId });
    for (const backupsetName of ['defaultBackupSet', ...extraBackupsets]) {
      const backupsetId: number = ids.backupset++;
      inv.backupsets.push({ backupsetId, backupsetName, clientId: client.clientId, applicationId: app.applicationId, instanceId, isDefault: backupsetName === 'defaultBackupSet' });
      const names: string[] = backupsetName === 'defaultBackupSet' ? ['default', ...extraSubclients] : ['default'];
      for (const subclientName of names) {
        const subclientId: number = ids.subclient++;
        const content: string[] = subclientName === 'default' ? defaultContent : contentFor(client.os, subclientName);
        inv.subclients.push({
          subclientId,
          subclientName,
          clientId: client.clientId,
          applicationId: app.applicationId,
          instanceId,
          backupsetId,
          planId: plan.planId,
          storagePolicyId: plan.storagePolicyId,
          content,
          ...filtersFor(client.os, content, subclientId),
          // A few extra subclients are switched off, as real estates carry leftovers.
          enableBackup: subclientName === 'default' || !random.chance(0.05),
          description: '',
        });
      }
    }
  };

  // Infrastructure first: the CommServe (client id 2) and the MediaAgents (client id = MediaAgent id).
  const gold = planByName.get('Server Plan Gold') as Plan;
  const cs = addClient({
    clientId: 2,
    clientName: 'cs01',
    displayName: 'cs01',
    hostName: `cs01.${commcell.domain}`,
    companyId: commcell.companyId,
    companyName: commcell.companyName,
    os: 'Windows',
    osName: 'Windows Server 2019 Datacenter',
    isInfrastructure: true,
    online: true,
  });
  addAgent(cs, APP.windowsFs, 'DefaultInstanceName', [], [], gold, ['C:\\']);
  for (const ma of mediaAgents) {
    const client = addClient({
      clientId: ma.mediaAgentId,
      clientName: ma.mediaAgentName,
      displayName: ma.mediaAgentName,
      hostName: ma.hostName,
      companyId: commcell.companyId,
      companyName: commcell.companyName,
      os: ma.os,
      osName: ma.osName,
      isInfrastructure: true,
      online: ma.online,
    });
    addAgent(client, ma.os === 'Windows' ? APP.windowsFs : APP.linuxFs, 'DefaultInstanceName', [], [], gold, ma.os === 'Windows' ? ['C:\\'] : ['/']);
  }

  let clientId = 10;
  for (const company of companies) {
    const counters = new Map<string, number>();
    for (let n = 0; n < (WORKLOADS_PER_COMPANY[company.companyId] ?? 0); n++) {
      const role: Role = random.weighted(ROLE_WEIGHTS);
      const os: OsFamily = role === 'sql' || role === 'vsa' ? 'Windows' : role === 'ora' ? 'Linux' : random.chance(0.6) ? 'Windows' : 'Linux';
      const key: string = company.companyId === 0 ? `${role}-${random.pick(SITES)}` : role;
      const seq: number = (counters.get(key) ?? 0) + 1;
      counters.set(key, seq);
      const name: string =
        company.companyId === 0 ? `${key}-${String(seq).padStart(3, '0')}` : `${company.companyName.toLowerCase()}-${role}-${String(seq).padStart(2, '0')}`;
      const client = addClient({
        clientId: clientId++,
        clientName: name,
        displayName: name,
        hostName: `${name}.${company.domain}`,
        companyId: company.companyId,
        companyName: company.companyName,
        os,
        osName: os === 'Windows' ? random.pick(['Windows Server 2016 Standard', 'Windows Server 2019 Standard', 'Windows Server 2022 Datacenter']) : random.pick(['Red Hat Enterprise Linux 8.8', 'Ubuntu 22.04 LTS', 'SUSE Linux Enterprise Server 15 SP5']),
        isInfrastructure: false,
        online: random.chance(0.97),
      });
      const fsPlan: Plan = choosePlan(company, false);
      const fsExtras: string[] = random.chance(0.3) ? [random.pick(['Documents', 'Logs', 'AppData'])] : [];
      const fsBackupsets: string[] = random.chance(0.2) ? ['UserData'] : [];
      addAgent(client, os === 'Windows' ? APP.windowsFs : APP.linuxFs, 'DefaultInstanceName', fsBackupsets, fsExtras, fsPlan, os === 'Windows' ? ['C:\\', 'D:\\'] : ['/']);
      if (role === 'sql') addAgent(client, APP.sqlServer, random.chance(0.6) ? 'MSSQLSERVER' : `${name.toUpperCase()}\\SQL2019`, [], [], choosePlan(company, true), []);
      if (role === 'ora') addAgent(client, APP.oracle, random.pick(['ORCL', 'PROD', 'FIN']), [], random.chance(0.5) ? ['ArchiveLog'] : [], choosePlan(company, true), []);
      if (role === 'vsa') addAgent(client, APP.virtualServer, random.pick(['VMware', 'Hyper-V']), [], random.chance(0.4) ? ['Tier1 VMs'] : [], choosePlan(company, false), []);
    }
  }
  return inv;
}

/**
 * Filters, exceptions and streams of a subclient with file content, derived from its id (no draws, so the
 * rest of the seed stays as it was): every one filters temporary files, every other one backups too, every
 * third keeps one file back from its filters; 1, 2 or 4 streams.
 */
function filtersFor(os: OsFamily, content: readonly string[], subclientId: number): Pick<Subclient, 'filters' | 'exceptions' | 'streams'> {
  if (content.length === 0) return { filters: [], exceptions: [], streams: 1 };
  const sep: string = os === 'Windows' ? '\\' : '/';
  const filters: string[] = subclientId % 2 === 0 ? ['*.tmp', '*.bak'] : ['*.tmp'];
  const root: string = content[0].replace(/[\\/]+$/, '');
  const exceptions: string[] = subclientId % 3 === 0 ? [`${root}${sep}keep.tmp`] : [];
  return { filters, exceptions, streams: [1, 2, 4][subclientId % 3] };
}

function contentFor(os: OsFamily, subclientName: string): string[] {
  const win: Record<string, string> = { Documents: 'D:\\Documents', Logs: 'D:\\Logs', AppData: 'C:\\ProgramData', ArchiveLog: '', 'Tier1 VMs': '' };
  const nix: Record<string, string> = { Documents: '/srv/documents', Logs: '/var/log', AppData: '/opt/app/data', ArchiveLog: '', 'Tier1 VMs': '' };
  const path: string = (os === 'Windows' ? win : nix)[subclientName] ?? '';
  return path === '' ? [] : [path];
}

/**
 * The DDB Backup subclient Commvault creates with a deduplication store on each MediaAgent holding one
 * of its partitions: `DDBBackup` in the File System agent's default backupset, no content of its own
 * (docs/upstreams/commvault-aging.md §2), backed up to the store's own policy (and so its plan). Added after every other
 * part is drawn, with ids after the last subclient, so the seed's other data stays as it was.
 */
export function addDdbBackupSubclients(inv: Inventory, ddbStores: readonly DdbStore[], policies: readonly StoragePolicy[]): void {
  let nextId = Math.max(0, ...inv.subclients.map((s) => s.subclientId)) + 1;
  const done = new Set<number>();
  for (const store of ddbStores) {
    for (const partition of store.partitions) {
      const ma = partition.mediaAgentId;
      const backupset = inv.backupsets.find((b) => b.clientId === ma && b.isDefault && (b.applicationId === APP.windowsFs.applicationId || b.applicationId === APP.linuxFs.applicationId));
      if (done.has(ma) || !backupset) continue;
      done.add(ma);
      inv.subclients.push({
        subclientId: nextId++,
        subclientName: 'DDBBackup',
        clientId: ma,
        applicationId: backupset.applicationId,
        instanceId: backupset.instanceId,
        backupsetId: backupset.backupsetId,
        planId: policies.find((p) => p.storagePolicyId === store.storagePolicyId)?.planId ?? 0,
        storagePolicyId: store.storagePolicyId,
        content: [],
        filters: [],
        exceptions: [],
        streams: 1,
        enableBackup: true,
        description: 'DDB Backup subclient',
        ddbBackup: true,
      });
    }
  }
}
