import type { Prng } from '../../common/prng.js';
import { applianceOrgIndexes } from './appliances.js';
import { IdAllocator, MICROS_PER_DAY } from './ids.js';
import type { Policies } from './policies.js';
import type { Application, Cluster, ConsistencyGroup, Host, LogicalGroup, Organization, Sla, Slp, Slt, SourceRef } from './types.js';

export interface Inventory {
  hosts: Host[];
  applications: Application[];
  slas: Sla[];
  logicalgroups: LogicalGroup[];
  consistencygroups: ConsistencyGroup[];
  consolidatedHostIds: string[];
  consolidatedAppIds: string[];
}

/** Host counts per kind; 2 vCenters + 8 ESX + 200 VMs + 150 GCE + 160 agent hosts = 520 hosts. */
const VM_HOSTS = 200;
const GCE_HOSTS = 150;
const AGENT_HOSTS = 160;
const CONSOLIDATED_HOSTS = 12;
const LOGICAL_GROUPS = 10;
const CONSISTENCY_GROUPS = 8;
const MANAGED_SHARE = 0.78;

const WORDS: readonly string[] = ['web', 'app', 'api', 'db', 'batch', 'etl', 'crm', 'erp', 'hr', 'pay', 'shop', 'bi', 'git', 'ci', 'mail', 'dns', 'log', 'mq'];

type Kind = 'vm' | 'gce' | 'linux' | 'windows';

export function makeInventory(random: Prng, ids: IdAllocator, nowUs: number, orgs: Organization[], clusters: Cluster[], pol: Policies): Inventory {
  const hosts: Host[] = [];
  const applications: Application[] = [];
  const slas: Sla[] = [];
  const names = new Set<string>();
  const uniqueName = (prefix: string): string => {
    for (;;) {
      const n = `${prefix}-${random.pick(WORDS)}-${String(random.int(1, 999)).padStart(3, '0')}`;
      if (!names.has(n)) {
        names.add(n);
        return n;
      }
    }
  };
  const ip = (): string => `10.${random.int(20, 200)}.${random.int(0, 255)}.${random.int(2, 254)}`;
  const src = (clusterIndex: number): SourceRef => ({ srcid: String(random.int(10_000, 999_999)), clusterId: clusters[clusterIndex].id });
  const orgsFor = (clusterIndex: number): string[] => {
    const served = applianceOrgIndexes(clusterIndex);
    const roll = random.next();
    if (roll < 0.2) return [];
    if (served.length > 1 && roll < 0.3) return served.map((i) => orgs[i].id);
    return [orgs[random.pick(served)].id];
  };

  const addHost = (h: Partial<Host> & { name: string; hosttype: string; clusterIndex: number; orgIds: string[] }): Host => {
    const { clusterIndex, ...rest } = h;
    const host: Host = {
      id: ids.next(),
      hostname: h.name,
      uniquename: random.hex(16),
      ostype: 'Linux',
      ostype_special: '',
      osversion: '',
      ipaddress: ip(),
      description: '',
      friendlypath: h.name,
      isvm: false,
      vmtype: '',
      isvcenterhost: false,
      isesxhost: false,
      isclusterhost: false,
      isproxyhost: false,
      hasagent: false,
      svcname: '',
      vcenterhostId: null,
      originalhostid: '0',
      zone: clusters[clusterIndex].zone,
      projectid: clusters[clusterIndex].projectid,
      modifydate: nowUs - random.int(1, 200) * MICROS_PER_DAY,
      syncdate: clusters[clusterIndex].lastsync,
      sources: [src(clusterIndex)],
      ...rest,
    };
    hosts.push(host);
    return host;
  };

  // vCenters and ESX hosts on the first two appliances (the VMware sites).
  const vcenters: Host[] = [0, 1].map((c) => addHost({ name: `vcsa-${clusters[c].region}`, hosttype: 'vcenter', ostype: 'VMware', isvcenterhost: true, clusterIndex: c, orgIds: [] }));
  const esx: Host[] = [];
  for (let i = 0; i < 8; i++) {
    const c = i % 2;
    esx.push(addHost({ name: `esx${String(i + 1).padStart(2, '0')}.${clusters[c].region}.corp`, hosttype: 'esxhost', ostype: 'VMware', isesxhost: true, vcenterhostId: vcenters[c].id, clusterIndex: c, orgIds: [] }));
  }

  const byKind: { host: Host; kind: Kind; clusterIndex: number }[] = [];
  for (let i = 0; i < VM_HOSTS; i++) {
    const c = i % 2;
    const name = uniqueName('vm');
    const host = addHost({ name, hosttype: 'generic', ostype: random.pick(['Linux', 'Win32']), isvm: true, vmtype: 'vmware', vcenterhostId: vcenters[c].id, friendlypath: `${vcenters[c].name}/${random.pick(esx.filter((e) => e.vcenterhostId === vcenters[c].id)).name}/${name}`, clusterIndex: c, orgIds: orgsFor(c) });
    byKind.push({ host, kind: 'vm', clusterIndex: c });
  }
  for (let i = 0; i < GCE_HOSTS; i++) {
    const c = [2, 3, 0][i % 3];
    const host = addHost({ name: uniqueName('gce'), hosttype: 'GCPInstance', ostype: random.pick(['Linux', 'Linux', 'Win32']), isvm: true, vmtype: 'GCE', clusterIndex: c, orgIds: orgsFor(c) });
    byKind.push({ host, kind: 'gce', clusterIndex: c });
  }
  for (let i = 0; i < AGENT_HOSTS; i++) {
    const c = i % 4;
    const windows = random.chance(0.45);
    const host = addHost({
      name: uniqueName(windows ? 'win' : 'lnx'),
      hosttype: 'generic',
      ostype: windows ? 'Win32' : 'Linux',
      osversion: windows ? random.pick(['Windows Server 2019', 'Windows Server 2022']) : random.pick(['RHEL 8.9', 'RHEL 9.3', 'Ubuntu 22.04', 'SLES 15 SP5']),
      hasagent: true,
      svcname: windows ? 'UDSAgent' : 'udsagent',
      clusterIndex: c,
      orgIds: orgsFor(c),
    });
    byKind.push({ host, kind: windows ? 'windows' : 'linux', clusterIndex: c });
  }
  // A few hosts were discovered by both VMware appliances: one consolidated host with two sources.
  const consolidatedHostIds: string[] = [];
  for (const entry of byKind.filter((e) => e.kind === 'vm').slice(0, CONSOLIDATED_HOSTS)) {
    entry.host.sources.push(src(1 - entry.clusterIndex));
    consolidatedHostIds.push(entry.host.id);
  }

  const addApp = (host: Host, a: Partial<Application> & { appname: string; apptype: string; friendlytype: string }): Application => {
    const app: Application = {
      id: ids.next(),
      name: a.appname,
      appclass: a.friendlytype,
      protectable: 'FULLY',
      managed: false,
      isvm: host.isvm,
      isorphan: false,
      ignore: false,
      isclustered: false,
      sensitivity: 0,
      uniquename: random.hex(24),
      description: '',
      pathname: '',
      appversion: '',
      networkname: host.hostname,
      networkip: host.ipaddress,
      vmuuid: '',
      sqlinstance: '',
      sqlserverag: '',
      hostId: host.id,
      slaId: null,
      logicalgroupId: null,
      consistencygroupId: null,
      syncdate: host.syncdate,
      // A consolidated host's applications are registered on both appliances too.
      sources: host.sources.map((s) => ({ srcid: String(random.int(10_000, 999_999)), clusterId: s.clusterId })),
      orgIds: [...host.orgIds],
      ...a,
    };
    applications.push(app);
    return app;
  };

  const dbHosts: { host: Host; dbs: Application[] }[] = [];
  for (const { host, kind } of byKind) {
    if (kind === 'vm') {
      addApp(host, { appname: host.name, apptype: 'VMBackup', friendlytype: 'VMware', appclass: 'VMware', pathname: `[datastore${random.int(1, 6)}] ${host.name}/${host.name}.vmx`, vmuuid: guid(random), appversion: random.pick(['vmx-19', 'vmx-20', 'vmx-21']) });
    } else if (kind === 'gce') {
      addApp(host, { appname: host.name, apptype: 'GCPInstance', friendlytype: 'GCP Instance', appclass: 'GCPInstance', pathname: `projects/${host.projectid}/zones/${host.zone}/instances/${host.name}`, vmuuid: String(random.int(1e15, 9e15)) });
    } else if (kind === 'linux') {
      addApp(host, { appname: '/', apptype: 'FileSystem', friendlytype: 'FileSystem', appclass: 'FileSystem', pathname: '/' });
      if (random.chance(0.5)) addApp(host, { appname: '/data', apptype: 'FileSystem', friendlytype: 'FileSystem', appclass: 'FileSystem', pathname: '/data' });
      if (random.chance(0.5)) {
        const hana = random.chance(0.3);
        const instance = addApp(host, hana
          ? { appname: `HDB${random.int(0, 9)}0`, apptype: 'SAPHANA', friendlytype: 'SAP HANA', appclass: 'SAPHANA', appversion: '2.00.059' }
          : { appname: `${host.name}_5432`, apptype: 'POSTGRESQLInstance', friendlytype: 'PostgreSQL Instance', appclass: 'POSTGRESQL', appversion: random.pick(['14.10', '15.5', '16.1']) });
        const dbs: Application[] = [];
        if (!hana) {
          for (let d = 0, n = random.int(1, 3); d < n; d++) {
            dbs.push(addApp(host, { appname: `${random.pick(WORDS)}db${d}`, apptype: 'POSTGRESQL', friendlytype: 'PostgreSQL', appclass: 'POSTGRESQL', pathname: `${instance.appname}/${d}`, appversion: instance.appversion }));
          }
        }
        dbHosts.push({ host, dbs: [instance, ...dbs] });
      }
    } else {
      addApp(host, { appname: 'C:\\', apptype: 'FileSystem', friendlytype: 'FileSystem', appclass: 'FileSystem', pathname: 'C:\\' });
      if (random.chance(0.6)) {
        const instanceName = `${host.name.toUpperCase()}\\MSSQLSERVER`;
        const ag = random.chance(0.25) ? `AG-${random.pick(WORDS).toUpperCase()}` : '';
        const instance = addApp(host, { appname: instanceName, apptype: 'SqlInstance', friendlytype: 'SQLServer Instance', appclass: 'SQLServer', sqlinstance: instanceName, sqlserverag: ag, appversion: random.pick(['15.0.4345', '16.0.4095']) });
        const dbs: Application[] = [];
        for (let d = 0, n = random.int(1, 4); d < n; d++) {
          dbs.push(addApp(host, { appname: `${random.pick(WORDS).toUpperCase()}_DB${d}`, apptype: 'SqlServerWriter', friendlytype: 'SQLServer', appclass: 'SQLServer', sqlinstance: instanceName, sqlserverag: ag, pathname: `${instanceName}\\DB${d}`, appversion: instance.appversion }));
        }
        dbHosts.push({ host, dbs: [instance, ...dbs] });
      }
    }
  }

  // Consistency groups: several databases on one host captured together; the group is itself an
  // application (apptype ConsistGrp) that carries the SLA.
  const consistencygroups: ConsistencyGroup[] = [];
  for (const { host, dbs } of dbHosts.filter((d) => d.dbs.length >= 3).slice(0, CONSISTENCY_GROUPS)) {
    const members = dbs.slice(1);
    const cgApp = addApp(host, { appname: `cg_${host.name}`, apptype: 'ConsistGrp', friendlytype: 'Consistency Group', appclass: 'ConsistGrp' });
    const cg: ConsistencyGroup = { id: cgApp.id, groupname: cgApp.appname, description: `Databases on ${host.name}`, hostId: host.id, clusterId: host.sources[0].clusterId, memberAppIds: members.map((m) => m.id), syncdate: host.syncdate };
    for (const m of members) m.consistencygroupId = cg.id;
    consistencygroups.push(cg);
  }

  // Protection: most applications get an SLA whose template suits their type.
  const sltByName = new Map<string, Slt>(pol.slts.map((s) => [s.name, s]));
  const needsVault = (slt: Slt): boolean => slt.policyIds.some((id) => pol.policies.find((p) => p.id === id)?.op !== 'snap');
  const slpFor = (clusterId: string, slt: Slt): Slp => {
    const own = pol.slps.filter((s) => s.clusterId === clusterId);
    return (needsVault(slt) ? own.find((s) => s.vaultPoolId !== null) : own.find((s) => s.vaultPoolId === null)) ?? own[0];
  };
  const sltFor = (app: Application): Slt => {
    const pick = (entries: readonly (readonly [string, number])[]): Slt => sltByName.get(random.weighted(entries)) as Slt;
    if (['SqlServerWriter', 'SqlInstance', 'POSTGRESQL', 'POSTGRESQLInstance', 'SAPHANA', 'ConsistGrp'].includes(app.apptype)) return pick([['DB-Logs-15m', 6], ['Silver-Daily', 3], ['Compliance-LongTerm', 1]]);
    if (app.apptype === 'GCPInstance') return pick([['pd-snaps-multiregional', 7], ['Gold-Snap-OnVault', 2], ['Dev-NoSchedule', 1]]);
    if (app.apptype === 'FileSystem') return pick([['FSSnaps_RW_OV', 6], ['Silver-Daily', 3], ['Bronze-Weekly', 1]]);
    return pick([['Gold-Snap-OnVault', 4], ['Silver-Daily', 4], ['Bronze-Weekly', 1], ['Dev-NoSchedule', 1]]);
  };
  const addSla = (appId: string | null, groupId: string | null, clusterId: string, slt: Slt): Sla => {
    const sla: Sla = {
      id: ids.next(),
      description: '',
      appId,
      groupId,
      sltId: slt.id,
      slpId: slpFor(clusterId, slt).id,
      scheduleoff: slt.name === 'Dev-NoSchedule' || random.chance(0.04) ? 'true' : 'false',
      expirationoff: random.chance(0.03) ? 'true' : 'false',
      dedupasyncoff: 'false',
      logexpirationoff: false,
      modifydate: nowUs - random.int(1, 120) * MICROS_PER_DAY,
      syncdate: nowUs - random.int(10, 600) * 1_000_000,
    };
    slas.push(sla);
    return sla;
  };

  // Logical groups: VM/GCE applications on one appliance sharing a template.
  const logicalgroups: LogicalGroup[] = [];
  const candidates = applications.filter((a) => (a.apptype === 'VMBackup' || a.apptype === 'GCPInstance') && a.sources.length === 1);
  for (let g = 0; g < LOGICAL_GROUPS; g++) {
    const clusterId = clusters[g % 3].id;
    const free = candidates.filter((a) => a.sources[0].clusterId === clusterId && a.logicalgroupId === null);
    const members = free.slice(0, random.int(3, 8));
    if (members.length === 0) continue;
    const slt = sltFor(members[0]);
    const lg: LogicalGroup = {
      id: ids.next(),
      name: `lg-${random.pick(WORDS)}-${g + 1}`,
      description: `Logical group ${g + 1}`,
      managed: true,
      scheduleoff: false,
      clusterId,
      slaId: null,
      memberAppIds: members.map((m) => m.id),
      srcid: String(random.int(1000, 99_999)),
      modifydate: nowUs - random.int(1, 90) * MICROS_PER_DAY,
      syncdate: nowUs - random.int(10, 600) * 1_000_000,
      orgIds: [...members[0].orgIds],
    };
    const groupSla = addSla(null, lg.id, clusterId, slt);
    lg.slaId = groupSla.id;
    lg.scheduleoff = groupSla.scheduleoff === 'true';
    for (const m of members) {
      m.logicalgroupId = lg.id;
      const sla = addSla(m.id, lg.id, clusterId, slt);
      sla.scheduleoff = groupSla.scheduleoff;
      m.slaId = sla.id;
      m.managed = true;
    }
    logicalgroups.push(lg);
  }

  for (const app of applications) {
    if (app.slaId !== null || app.consistencygroupId !== null) continue;
    if (app.apptype === 'ConsistGrp' || random.chance(MANAGED_SHARE)) {
      app.slaId = addSla(app.id, null, app.sources[0].clusterId, sltFor(app)).id;
      app.managed = true;
    } else if (random.chance(0.08)) {
      app.isorphan = true;
    }
  }
  return {
    hosts,
    applications,
    slas,
    logicalgroups,
    consistencygroups,
    consolidatedHostIds,
    consolidatedAppIds: applications.filter((a) => a.sources.length > 1).map((a) => a.id),
  };
}

function guid(random: Prng): string {
  return random.guid().toLowerCase();
}
