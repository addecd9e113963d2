/**
 * A job's detail as the graph shows it (`JobDetail`), filled by each product from its own answers:
 * Commvault from `POST /JobDetails` (docs/upstreams/commvault.md, "Job detail"), a Backup and DR console
 * from its job record. Plain data, no GraphQL.
 */

/** One VM's outcome inside a Commvault VM backup job (`clientStatusInfo.vmStatus[]` of `POST /JobDetails`). */
export interface JobVmResult {
  name: string;
  uuid: string | null;
  clientId: number | null;
  /** `Status` as sent: an integer whose codes no source lists. */
  statusCode: number | null;
  failureReason: string | null;
  sizeBytes: number | null;
  backupStartedAt: Date | null;
  backupEndedAt: Date | null;
}

/**
 * A job's detail, in either product (`JobDetail` in the graph). Commvault's from `POST /JobDetails`, a
 * console's from its own job record; a field neither answer carries is null.
 */
export interface JobDetailRecord {
  state: string | null;
  phase: string | null;
  /** How many attempts (tries) the job made. */
  attempts: number | null;
  failureReason: string | null;
  errorCode: string | null;
  delayReason: string | null;
  throughputGBPerHour: number | null;
  transferSeconds: number | null;
  filesCount: number | null;
  filesTransferred: number | null;
  skippedItems: number | null;
  applicationBytes: number | null;
  transferredBytes: number | null;
  writtenBytes: number | null;
  savingsPercent: number | null;
  startedBy: string | null;
  startedFrom: string | null;
  clientName: string | null;
  agentName: string | null;
  instanceName: string | null;
  backupsetName: string | null;
  subclientName: string | null;
  planName: string | null;
  virtualMachines: JobVmResult[];
}
