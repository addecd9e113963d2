/** A rule's finding about one object: what an open alert stands for while it holds. */
import type { AlertSeverity } from './rule-config.js';

/** The rules, named as the graph will show them. */
export enum RuleId {
  CAPACITY_FREE = 'CAPACITY_FREE',
  CAPACITY_FORECAST = 'CAPACITY_FORECAST',
  DDB_QI = 'DDB_QI',
  DDB_OFFLINE = 'DDB_OFFLINE',
  NODE_OFFLINE = 'NODE_OFFLINE',
  JOB_FAILED = 'JOB_FAILED',
  WORKLOAD_UNPROTECTED = 'WORKLOAD_UNPROTECTED',
}

export interface Condition {
  ruleId: RuleId;
  /** `fingerprintOf(ruleId, upstreamId, objectId)`: at most one open alert each. */
  fingerprint: string;
  severity: AlertSeverity;
  message: string;
  upstreamId: string;
  /** The object's global id in the graph. */
  objectId: string;
}

/** Which rules were judged on which upstreams this time: only their open alerts may resolve. */
export interface RuleEvaluation {
  conditions: readonly Condition[];
  judged: ReadonlyArray<{ ruleId: RuleId; upstreamId: string }>;
}

/**
 * Rule + upstream + object. Upstream ids hold no `:` (config: letters, digits, `.`, `_`, `-`) and rule ids
 * none either, so the object id may hold anything after the second one.
 */
export function fingerprintOf(ruleId: string, upstreamId: string, objectId: string): string {
  return `${ruleId}:${upstreamId}:${objectId}`;
}

/** The key of a judged (rule, upstream) pair. */
export function scopeKey(ruleId: string, upstreamId: string): string {
  return `${ruleId}:${upstreamId}`;
}
