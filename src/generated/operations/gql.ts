/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query CommvaultClients($upstream: ID, $first: Int = 50, $after: String, $search: String) {\n  commvaultClients(\n    upstream: $upstream\n    first: $first\n    after: $after\n    search: $search\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        clientId\n        name\n        hostName\n      }\n    }\n  }\n}": typeof types.CommvaultClientsDocument,
    "query DashboardJobs($first: Int = 100, $after: String, $filter: JobFilter) {\n  jobs(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        status\n        jobType\n        startedAt\n        endedAt\n        sizeBytes\n        upstream {\n          id\n          kind\n        }\n        ... on CommvaultJob {\n          jobId\n          backupLevel\n          percentComplete\n          client {\n            id\n            name\n            hostName\n          }\n          subclient {\n            id\n            name\n          }\n          plan {\n            id\n            name\n          }\n          storagePolicy {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n}": typeof types.DashboardJobsDocument,
    "query EstateHealth($upstream: ID, $since: DateTime, $until: DateTime, $days: Int = 7) {\n  jobStatusSummary(upstream: $upstream, since: $since, until: $until) {\n    since\n    until\n    total\n    activeCount\n    successCount\n    failedCount\n    successPercent\n    protectedBytes\n    byStatus {\n      status\n      count\n    }\n    byType {\n      jobType\n      total\n      failedCount\n      successPercent\n    }\n    upstreams {\n      id\n      kind\n    }\n  }\n  unprotectedWorkloads(upstream: $upstream, days: $days) {\n    gap\n    failedBackupCount\n    lastSuccessfulBackupAt\n    lastJobStatus\n    workload {\n      id\n      name\n      upstream {\n        id\n      }\n      ... on CommvaultClient {\n        clientId\n        hostName\n      }\n    }\n  }\n  capacityAlerts(upstream: $upstream) {\n    id\n    name\n    severity\n    freePercent\n    freeBytes\n    capacityBytes\n    upstream {\n      id\n    }\n  }\n  ddbAlerts(upstream: $upstream) {\n    id\n    name\n    severity\n    avgQiMicros\n    freeBytes\n    upstream {\n      id\n    }\n  }\n}": typeof types.EstateHealthDocument,
    "query StorageCapacity($upstream: ID) {\n  storagePools(upstream: $upstream) {\n    id\n    name\n    capacityBytes\n    freeBytes\n    freePercent\n    severity\n  }\n}": typeof types.StorageCapacityDocument,
};
const documents: Documents = {
    "query CommvaultClients($upstream: ID, $first: Int = 50, $after: String, $search: String) {\n  commvaultClients(\n    upstream: $upstream\n    first: $first\n    after: $after\n    search: $search\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        clientId\n        name\n        hostName\n      }\n    }\n  }\n}": types.CommvaultClientsDocument,
    "query DashboardJobs($first: Int = 100, $after: String, $filter: JobFilter) {\n  jobs(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        status\n        jobType\n        startedAt\n        endedAt\n        sizeBytes\n        upstream {\n          id\n          kind\n        }\n        ... on CommvaultJob {\n          jobId\n          backupLevel\n          percentComplete\n          client {\n            id\n            name\n            hostName\n          }\n          subclient {\n            id\n            name\n          }\n          plan {\n            id\n            name\n          }\n          storagePolicy {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n}": types.DashboardJobsDocument,
    "query EstateHealth($upstream: ID, $since: DateTime, $until: DateTime, $days: Int = 7) {\n  jobStatusSummary(upstream: $upstream, since: $since, until: $until) {\n    since\n    until\n    total\n    activeCount\n    successCount\n    failedCount\n    successPercent\n    protectedBytes\n    byStatus {\n      status\n      count\n    }\n    byType {\n      jobType\n      total\n      failedCount\n      successPercent\n    }\n    upstreams {\n      id\n      kind\n    }\n  }\n  unprotectedWorkloads(upstream: $upstream, days: $days) {\n    gap\n    failedBackupCount\n    lastSuccessfulBackupAt\n    lastJobStatus\n    workload {\n      id\n      name\n      upstream {\n        id\n      }\n      ... on CommvaultClient {\n        clientId\n        hostName\n      }\n    }\n  }\n  capacityAlerts(upstream: $upstream) {\n    id\n    name\n    severity\n    freePercent\n    freeBytes\n    capacityBytes\n    upstream {\n      id\n    }\n  }\n  ddbAlerts(upstream: $upstream) {\n    id\n    name\n    severity\n    avgQiMicros\n    freeBytes\n    upstream {\n      id\n    }\n  }\n}": types.EstateHealthDocument,
    "query StorageCapacity($upstream: ID) {\n  storagePools(upstream: $upstream) {\n    id\n    name\n    capacityBytes\n    freeBytes\n    freePercent\n    severity\n  }\n}": types.StorageCapacityDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CommvaultClients($upstream: ID, $first: Int = 50, $after: String, $search: String) {\n  commvaultClients(\n    upstream: $upstream\n    first: $first\n    after: $after\n    search: $search\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        clientId\n        name\n        hostName\n      }\n    }\n  }\n}"): (typeof documents)["query CommvaultClients($upstream: ID, $first: Int = 50, $after: String, $search: String) {\n  commvaultClients(\n    upstream: $upstream\n    first: $first\n    after: $after\n    search: $search\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        clientId\n        name\n        hostName\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DashboardJobs($first: Int = 100, $after: String, $filter: JobFilter) {\n  jobs(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        status\n        jobType\n        startedAt\n        endedAt\n        sizeBytes\n        upstream {\n          id\n          kind\n        }\n        ... on CommvaultJob {\n          jobId\n          backupLevel\n          percentComplete\n          client {\n            id\n            name\n            hostName\n          }\n          subclient {\n            id\n            name\n          }\n          plan {\n            id\n            name\n          }\n          storagePolicy {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query DashboardJobs($first: Int = 100, $after: String, $filter: JobFilter) {\n  jobs(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        status\n        jobType\n        startedAt\n        endedAt\n        sizeBytes\n        upstream {\n          id\n          kind\n        }\n        ... on CommvaultJob {\n          jobId\n          backupLevel\n          percentComplete\n          client {\n            id\n            name\n            hostName\n          }\n          subclient {\n            id\n            name\n          }\n          plan {\n            id\n            name\n          }\n          storagePolicy {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query EstateHealth($upstream: ID, $since: DateTime, $until: DateTime, $days: Int = 7) {\n  jobStatusSummary(upstream: $upstream, since: $since, until: $until) {\n    since\n    until\n    total\n    activeCount\n    successCount\n    failedCount\n    successPercent\n    protectedBytes\n    byStatus {\n      status\n      count\n    }\n    byType {\n      jobType\n      total\n      failedCount\n      successPercent\n    }\n    upstreams {\n      id\n      kind\n    }\n  }\n  unprotectedWorkloads(upstream: $upstream, days: $days) {\n    gap\n    failedBackupCount\n    lastSuccessfulBackupAt\n    lastJobStatus\n    workload {\n      id\n      name\n      upstream {\n        id\n      }\n      ... on CommvaultClient {\n        clientId\n        hostName\n      }\n    }\n  }\n  capacityAlerts(upstream: $upstream) {\n    id\n    name\n    severity\n    freePercent\n    freeBytes\n    capacityBytes\n    upstream {\n      id\n    }\n  }\n  ddbAlerts(upstream: $upstream) {\n    id\n    name\n    severity\n    avgQiMicros\n    freeBytes\n    upstream {\n      id\n    }\n  }\n}"): (typeof documents)["query EstateHealth($upstream: ID, $since: DateTime, $until: DateTime, $days: Int = 7) {\n  jobStatusSummary(upstream: $upstream, since: $since, until: $until) {\n    since\n    until\n    total\n    activeCount\n    successCount\n    failedCount\n    successPercent\n    protectedBytes\n    byStatus {\n      status\n      count\n    }\n    byType {\n      jobType\n      total\n      failedCount\n      successPercent\n    }\n    upstreams {\n      id\n      kind\n    }\n  }\n  unprotectedWorkloads(upstream: $upstream, days: $days) {\n    gap\n    failedBackupCount\n    lastSuccessfulBackupAt\n    lastJobStatus\n    workload {\n      id\n      name\n      upstream {\n        id\n      }\n      ... on CommvaultClient {\n        clientId\n        hostName\n      }\n    }\n  }\n  capacityAlerts(upstream: $upstream) {\n    id\n    name\n    severity\n    freePercent\n    freeBytes\n    capacityBytes\n    upstream {\n      id\n    }\n  }\n  ddbAlerts(upstream: $upstream) {\n    id\n    name\n    severity\n    avgQiMicros\n    freeBytes\n    upstream {\n      id\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StorageCapacity($upstream: ID) {\n  storagePools(upstream: $upstream) {\n    id\n    name\n    capacityBytes\n    freeBytes\n    freePercent\n    severity\n  }\n}"): (typeof documents)["query StorageCapacity($upstream: ID) {\n  storagePools(upstream: $upstream) {\n    id\n    name\n    capacityBytes\n    freeBytes\n    freePercent\n    severity\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;