/**
 * What the alert rules judge: one collection's view of the estate, as plain data. The collector fills it
 * from the same product hooks the monitoring fields read (capacity targets, DDB health, backup
 * infrastructure, the window's jobs, unprotected workloads) and from the stored forecasts; object ids are
 * the graph's global ids.
 *
 * Each area of an upstream is optional on purpose: **absent** means "not read this time" (the read
 * failed, or the product has no such thing), and the alerts of the rules reading it stay as they are; an
 * **empty list** means "read, nothing there", and those alerts resolve. A failed read must never look like
 * a cleared condition.
 */
import type { JobStatus } from '../../datasources/domain.js';
import type { CapacityForecast } from '../../monitoring/forecast.js';
import type { ProtectionGap } from '../../monitoring/protection.js';

export interface EstateSnapshot {
  /** When the collection read the estate (epoch ms): the alerts' time. */
  at: number;
  upstreams: readonly UpstreamSnapshot[];
}

export interface UpstreamSnapshot {
  upstreamId: string;
  storageTargets?: readonly StorageTargetState[];
  ddbStores?: readonly DdbStoreState[];
  /** Commvault MediaAgents, console appliances. */
  infrastructure?: readonly InfrastructureNodeState[];
  /** Jobs of the failed-jobs window (a superset is fine: the rule picks the failed ones in its window). */
  jobs?: readonly JobState[];
  /** Workloads without a successful backup in the last `alerts.rules.unprotected.hours`, as `unprotectedWorkloads(hours)` found them. */
  unprotectedWorkloads?: readonly UnprotectedWorkloadState[];
  forecasts?: readonly TargetForecast[];
}

export interface StorageTargetState {
  targetId: string;
  name: string;
  totalBytes: number | null;
  freeBytes: number | null;
}

export interface DdbStoreState {
  storeId: string;
  name: string;
  /** Average Q&I time of its slowest partition, µs; null when unknown. */
  qiTimeMicros: number | null;
  /** false when the store or any partition is offline; null when unknown. */
  online: boolean | null;
}

export interface InfrastructureNodeState {
  nodeId: string;
  name: string;
  /** What the product calls one: `MediaAgent`, `appliance`. */
  noun: string;
  online: boolean | null;
}

export interface JobState {
  jobId: string;
  /** What an operator searches for: the upstream's job number or name. */
  label: string;
  status: JobStatus;
  jobType: string | null;
  workloadName: string | null;
  startedAt: number | null;
  endedAt: number | null;
}

export interface UnprotectedWorkloadState {
  workloadId: string;
  name: string;
  gap: ProtectionGap;
  failedBackupCount: number;
}

export interface TargetForecast {
  targetId: string;
  name: string;
  forecast: CapacityForecast;
}
