import type { GatewayContext } from '../../context.js';
import type { CommvaultSource } from '../../datasources/commvault/commvault-source.js';
import { jobsInWindow } from '../../datasources/commvault/job-search.js';
import { clientOfServer } from '../../datasources/commvault/mappers/client.js';
import type { CvJob, CvServer } from '../../datasources/commvault/model.js';
import type { NodeRecord } from '../../datasources/record.js';
import { BACKUP_JOB_TYPE } from '../../monitoring/jobs.js';
import { backupFacts, byWorkloadName, classifyProtection, findUnprotected, type UnprotectedFinding } from '../../monitoring/protection.js';
import type { ProtectionSummaryPart } from '../../schema/unified/protection-summary.type.js';
import type { UnprotectedWorkload } from '../../schema/unified/unprotected-workload.type.js';
import { commvaultLoaders } from './sources.js';

/**
 * A CommServe's part of `unprotectedWorkloads` and `protectionSummary` (docs/schema.md, "Protected
 * workloads"): its workloads are the clients with at least one agent installed (`GET /V4/Servers`),
 * judged by the backups started since the cutoff (the window's `GET /Job` pages).
 */

/** Clients with at least one agent installed and no successful backup since the cutoff. */
export async function commvaultUnprotectedWorkloads(ctx: GatewayContext, source: CommvaultSource, cutoff: Date): Promise<UnprotectedWorkload[]> {
  const { workloads, backups } = await protectionInputs(source, cutoff);
  return unprotectedOf(ctx, source, findUnprotected(workloads, (w) => w.clientId, backups, (j) => j.clientId, cutoff));
}

/** The same workloads and backups split into protected, stale and unprotected. */
export async function commvaultProtectionSummary(ctx: GatewayContext, source: CommvaultSource, cutoff: Date, staleCutoff: Date): Promise<ProtectionSummaryPart> {
  const { workloads, backups } = await protectionInputs(source, cutoff);
  const split = classifyProtection(workloads, (w) => w.clientId, backups, (j) => j.clientId, cutoff, staleCutoff);
  const [fresh, stale, unprotected] = await Promise.all([
    clientsOf(ctx, source, split.protected.map((f) => f.workload)),
    clientsOf(ctx, source, split.stale.map((f) => f.workload)),
    unprotectedOf(ctx, source, split.unprotected),
  ]);
  return {
    protected: split.protected.map((f, i) => ({ workload: fresh[i]!, lastSuccessfulBackupAt: f.lastSuccessfulBackupAt })),
    stale: split.stale.map((f, i) => ({ workload: stale[i]!, lastSuccessfulBackupAt: f.lastSuccessfulBackupAt })),
    unprotected,
  };
}

async function protectionInputs(source: CommvaultSource, cutoff: Date): Promise<{ workloads: CvServer[]; backups: readonly CvJob[] }> {
  const [servers, backups] = await Promise.all([
    source.listServers(),
    jobsInWindow(source, { jobTypes: [BACKUP_JOB_TYPE], startedAfter: cutoff }),
  ]);
  return { workloads: servers.filter(isWorkload).sort((a, b) => byWorkloadName(a, b) || a.clientId - b.clientId), backups };
}

async function unprotectedOf(ctx: GatewayContext, source: CommvaultSource, findings: Array<UnprotectedFinding<CvServer>>): Promise<UnprotectedWorkload[]> {
  const loaders = commvaultLoaders(ctx);
  const clients = await clientsOf(ctx, source, findings.map((f) => f.workload));
  return findings.map((f, i) => {
    const key = { instanceId: source.instanceId, id: f.workload.clientId };
    return {
      workload: clients[i]!,
      gap: f.gap,
      failedBackupCount: f.failedBackupCount,
      // One `GET /Job?clientId=&jobFilter=Backup` per workload, shared by the history fields, only when selected.
      history: async () => {
        return backupFacts(await loaders.backupHistoryByClientId.load(key));
      },
    };
  });
}

/** The clients (`GET /Client`, through the loader) of servers, in order. */
async function clientsOf(ctx: GatewayContext, source: CommvaultSource, servers: readonly CvServer[]): Promise<NodeRecord[]> {
  const clients = await commvaultLoaders(ctx).clientById.loadMany(servers.map((s) => ({ instanceId: source.instanceId, id: s.clientId })));
  return servers.map((server, i) => {
    const client = clients[i];
    if (client instanceof Error) throw client;
    // A client the V4 server list shows but `GET /Client` does not (yet): made from what V4 says.
    return client ?? clientOfServer(source.upstream, server);
  });
}

/** A client backups are expected for: software configured and at least one agent (iDA) installed. */
function isWorkload(server: CvServer): boolean {
  return server.configured !== false && server.agents.length > 0;
}
