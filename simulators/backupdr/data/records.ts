import type { Prng } from '../../common/prng.js';
import { HISTORY_DAYS } from './activity.js';
import { IdAllocator, MICROS_PER_DAY, MICROS_PER_HOUR, MICROS_PER_SECOND } from './ids.js';
import type { Application, AuditRecord, Cluster, DiskPool, Job, SimEvent, User } from './types.js';

const CONSOLE_HOST = 'bmc-1234567-demo-dot-us-central1.backupdr.googleusercontent.com';

/**
 * Events raised by the appliances: one per failed job, the near-full pool's repeated warnings, the stale
 * appliance's lost contact, daily sync notices and image expirations. Ids follow event date.
 */
export function makeEvents(random: Prng, ids: IdAllocator, nowUs: number, jobs: Job[], apps: Application[], clusters: Cluster[], nearFull: DiskPool, staleClusterId: string): SimEvent[] {
  const appById = new Map(apps.map((a) => [a.id, a]));
  const drafts: Omit<SimEvent, 'id' | 'sequenceid'>[] = [];
  const base = (clusterId: string, eventdate: number): Pick<SimEvent, 'clusterId' | 'eventdate' | 'syncdate' | 'clustertype'> => ({ clusterId, eventdate, syncdate: eventdate + random.int(5, 300) * MICROS_PER_SECOND, clustertype: 'Sky' });
  for (const job of jobs) {
    if (job.status !== 'failed') continue;
    const app = appById.get(job.appId);
    drafts.push({
      ...base(job.clusterId, job.enddate ?? job.queuedate),
      eventid: 43_901,
      eventstatus: random.chance(0.7) ? 'cleared' : 'new',
      errorcode: job.errorcode,
      errormessage: job.message,
      messagetext: `${job.jobclass} job ${job.jobname} for ${app?.appname ?? 'application'} failed: ${job.message}`,
      requiresclearing: true,
      objecttype: 'job',
      component: 'Scheduler',
      appId: job.appId,
      jobname: job.jobname,
    });
  }
  for (let h = 5 * 24; h > 0; h -= 6) {
    drafts.push({
      ...base(nearFull.clusterId, nowUs - h * MICROS_PER_HOUR),
      eventid: 10_038,
      eventstatus: 'new',
      errorcode: '10038',
      errormessage: `Pool ${nearFull.name} is above its safe threshold`,
      messagetext: `Disk pool ${nearFull.name} is ${nearFull.pct}% full (warning at ${nearFull.warnpct}%, safe ${nearFull.safepct}%)`,
      requiresclearing: true,
      objecttype: 'diskpool',
      component: 'Storage',
      appId: null,
      jobname: '',
    });
  }
  const stale = clusters.find((c) => c.id === staleClusterId) as Cluster;
  drafts.push({
    ...base(stale.id, stale.lastsync + 5 * 60 * MICROS_PER_SECOND),
    eventid: 20_004,
    eventstatus: 'new',
    errorcode: '20004',
    errormessage: 'Appliance unreachable',
    messagetext: `Management console lost contact with appliance ${stale.name}`,
    requiresclearing: true,
    objecttype: 'cluster',
    component: 'Sync',
    appId: null,
    jobname: '',
  });
  for (let d = HISTORY_DAYS; d >= 1; d--) {
    for (const c of clusters) {
      const at = nowUs - d * MICROS_PER_DAY + random.int(0, 3600) * MICROS_PER_SECOND;
      if (c.stale && at > c.lastsync) continue;
      drafts.push({ ...base(c.id, at), eventid: 10_002, eventstatus: 'cleared', errorcode: '', errormessage: '', messagetext: `Daily synchronization of ${c.name} completed`, requiresclearing: false, objecttype: 'cluster', component: 'Sync', appId: null, jobname: '' });
    }
  }
  for (let i = 0; i < 400; i++) {
    const app = random.pick(apps);
    drafts.push({ ...base(app.sources[0].clusterId, nowUs - random.int(60, HISTORY_DAYS * 86_400) * MICROS_PER_SECOND), eventid: 10_120, eventstatus: 'cleared', errorcode: '', errormessage: '', messagetext: `Expired image of ${app.appname} per retention policy`, requiresclearing: false, objecttype: 'backup', component: 'Expiration', appId: app.id, jobname: '' });
  }
  drafts.sort((a, b) => a.eventdate - b.eventdate);
  // New keys before the draft's: one hidden class for all (see makeActivity's backups).
  return drafts.map((d, i) => ({ id: ids.next(), sequenceid: 5_000_000 + i, ...d }));
}

const COMMANDS: readonly (readonly [string, number])[] = [
  ['GET https://{host}/actifio/application', 30],
  ['GET https://{host}/actifio/backup', 20],
  ['GET https://{host}/actifio/jobstatus', 15],
  ['POST https://{host}/actifio/session', 15],
  ['POST https://{host}/actifio/backup/{n}/expire force=TRUE', 4],
  ['PUT https://{host}/actifio/sla/{n}', 6],
  ['POST https://{host}/actifio/application/{n}/backup', 6],
  ['POST https://{host}/actifio/backup/{n}/mount', 3],
  ['DELETE https://{host}/actifio/session/current', 1],
];

/** Console-side audit records over 30 days; the issuing user decides who may see each (via its orgs). */
export function makeAudit(random: Prng, ids: IdAllocator, nowUs: number, users: User[]): AuditRecord[] {
  const drafts: Omit<AuditRecord, 'id'>[] = [];
  for (let i = 0; i < 600; i++) {
    const user = random.pick(users);
    const session = random.hex(8);
    const command = `${random.weighted(COMMANDS).replace('{host}', CONSOLE_HOST).replace('{n}', String(random.int(100_000, 999_999)))} Session ${session}`;
    const denied = user.roleIds.length === 0 && !command.startsWith('POST https://' + CONSOLE_HOST + '/actifio/session');
    drafts.push({
      issuedate: nowUs - random.int(60, HISTORY_DAYS * 86_400) * MICROS_PER_SECOND,
      username: user.name,
      command,
      ipaddress: `35.${random.int(180, 240)}.${random.int(0, 255)}.${random.int(1, 254)}`,
      component: random.chance(0.8) ? 'RESTful' : 'UI',
      status: denied ? 10_011 : command.includes('/expire') && random.chance(0.3) ? 10_008 : 0,
      proxy: '',
      privileged: user.roleIds.length > 0 && random.chance(0.05),
    });
  }
  drafts.sort((a, b) => a.issuedate - b.issuedate);
  return drafts.map((d) => ({ id: ids.next(), ...d }));
}

export { CONSOLE_HOST };
