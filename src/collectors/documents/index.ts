/**
 * The graph documents the collectors run in-process, under a collector principal: the same resolvers,
 * datasources, cache, coalescing and buckets as callers' queries (docs/history.md "Collectors"). Each
 * names one upstream, so one upstream's failure or deferral leaves the others' collection intact.
 */
import { parse, type DocumentNode } from 'graphql';

export const CAPACITY_DOCUMENT: DocumentNode = parse(`
  query CollectCapacity($upstream: ID!) {
    storagePools(upstream: $upstream) { id name capacityBytes freeBytes }
  }
`);

export const DDB_DOCUMENT: DocumentNode = parse(`
  query CollectDdb($upstream: ID!) {
    commvaultDdbStores(upstream: $upstream) {
      id name avgQiMicros freeBytes
      partitions { avgQiMicros online freeBytes }
    }
  }
`);

/** A CommServe's MediaAgents (`GET /V2/MediaAgents`, one call). */
export const MEDIA_AGENTS_DOCUMENT: DocumentNode = parse(`
  query CollectMediaAgents($upstream: ID!) {
    commvaultMediaAgents(upstream: $upstream) { id name online }
  }
`);

/** A console's appliances (`GET /cluster`, one call a page); `stale`: the console lost contact with it. */
export const APPLIANCES_DOCUMENT: DocumentNode = parse(`
  query CollectAppliances($upstream: ID!, $first: Int!, $after: String) {
    backupDr(upstream: $upstream) {
      appliances(first: $first, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges { node { id name stale } }
      }
    }
  }
`);

/** Workloads without a successful backup in the alert rule's hours (docs/schema.md "Protected workloads" gives the calls). */
export const PROTECTION_DOCUMENT: DocumentNode = parse(`
  query CollectProtection($upstream: ID!, $hours: Int!) {
    unprotectedWorkloads(upstream: $upstream, hours: $hours) {
      gap failedBackupCount
      workload { id name }
    }
  }
`);

export const JOBS_DOCUMENT: DocumentNode = parse(`
  query CollectJobs($upstream: ID!, $since: DateTime!, $first: Int!, $after: String) {
    jobs(filter: { upstream: [$upstream], startedAfter: $since }, first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id status jobType startedAt endedAt sizeBytes
          ... on CommvaultJob { jobId elapsedSeconds subclient { clientName } }
          ... on BackupDrJob { jobName appName durationSeconds }
        }
      }
    }
  }
`);

export const EVENTS_DOCUMENT: DocumentNode = parse(`
  query CollectEvents($upstream: ID!, $since: DateTime!, $first: Int!) {
    events(filter: { upstream: [$upstream], after: $since }, first: $first) {
      edges { node { id occurredAt severity message } }
    }
  }
`);

export const HEALTH_REPORT_DOCUMENT: DocumentNode = parse(`
  query CollectHealthReport {
    healthReport {
      status
      checks { area status figure message upstream { id } }
    }
  }
`);
