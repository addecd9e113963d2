import type { Application, Backup, BackupDrDataset, Cluster, ConsistencyGroup, DiskPool, Host, Job, LogicalGroup, Organization, Policy, Role, Sla, Slp, Slt, User } from './types.js';

/** Lookups by id over the dataset; `add*` keep them in step when the API creates records. */
export class DataIndex {
  readonly clusters: Map<string, Cluster>;
  readonly pools: Map<string, DiskPool>;
  readonly slts: Map<string, Slt>;
  readonly policies: Map<string, Policy>;
  readonly slps: Map<string, Slp>;
  readonly hosts: Map<string, Host>;
  readonly apps: Map<string, Application>;
  readonly slas: Map<string, Sla>;
  readonly lgs: Map<string, LogicalGroup>;
  readonly cgs: Map<string, ConsistencyGroup>;
  readonly backups: Map<string, Backup>;
  readonly jobs: Map<string, Job>;
  readonly orgs: Map<string, Organization>;
  readonly orgsByName: Map<string, Organization>;
  readonly roles: Map<string, Role>;
  readonly users: Map<string, User>;
  readonly usersByName: Map<string, User>;
  /** Highest id handed out so far; ids the API creates continue from it. */
  private lastId: number;

  constructor(readonly data: BackupDrDataset) {
    const byId = <T extends { id: string }>(list: readonly T[]): Map<string, T> => new Map(list.map((x) => [x.id, x]));
    this.clusters = byId(data.clusters);
    this.pools = byId(data.diskpools);
    this.slts = byId(data.slts);
    this.policies = byId(data.policies);
    this.slps = byId(data.slps);
    this.hosts = byId(data.hosts);
    this.apps = byId(data.applications);
    this.slas = byId(data.slas);
    this.lgs = byId(data.logicalgroups);
    this.cgs = byId(data.consistencygroups);
    this.backups = byId(data.backups);
    this.jobs = byId(data.jobs);
    this.orgs = byId(data.organizations);
    this.orgsByName = new Map(data.organizations.map((o) => [o.name, o]));
    this.roles = byId(data.roles);
    this.users = byId(data.users);
    this.usersByName = new Map(data.users.map((u) => [u.name, u]));
    let max = 0;
    for (const list of [data.audits, data.events, data.jobs, data.backups, data.applications, data.users]) for (const x of list) max = Math.max(max, Number(x.id));
    this.lastId = max;
  }

  nextId(): string {
    this.lastId += 1;
    return String(this.lastId);
  }

  addJob(job: Job): void {
    this.data.jobs.push(job);
    this.jobs.set(job.id, job);
  }

  /** The application's primary appliance (its first source). */
  clusterOfApp(app: Application): Cluster | undefined {
    return this.clusters.get(app.sources[0].clusterId);
  }
}
