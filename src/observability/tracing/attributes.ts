/**
 * Names of the attributes the gateway puts on its spans (docs/configuration.md, "Traces"). Stable
 * semantic-convention names where one fits (`http.*`, `error.type`, `graphql.operation.*`); the
 * gateway's own facts under `backup_graph.*`. Never a header value other than the request id, a query
 * text, variables, an upstream URL or a credential.
 */
export const Attr = {
  // The operation span.
  OPERATION_NAME: 'graphql.operation.name',
  OPERATION_TYPE: 'graphql.operation.type',
  /** The `x-request-id` the response carries (the access log's `requestId`). */
  REQUEST_ID: 'backup_graph.request_id',
  CALLER_ID: 'backup_graph.caller_id',
  /** Estimated upstream calls (the cost limit's figure). */
  COST_ESTIMATE: 'backup_graph.cost_estimate',
  /** `ok`, `partial` (data and errors) or `error` (no data). */
  OUTCOME: 'backup_graph.outcome',
  /** Public error codes of the response, in order, without repeats. */
  ERROR_CODES: 'backup_graph.error_codes',
  /** The first public error code (operation) or the call's failure code (upstream). */
  ERROR_TYPE: 'error.type',
  // Upstream call and attempt spans.
  UPSTREAM_ID: 'backup_graph.upstream.id',
  UPSTREAM_KIND: 'backup_graph.upstream.kind',
  /** Route class: method and path with ids collapsed (`GET /Job/{id}`), the metrics' `route` label. */
  UPSTREAM_ROUTE: 'backup_graph.upstream.route',
  /** `hit`, `miss`, `coalesced` (joined a running identical call) or `bypass` (not cacheable). */
  CACHE_OUTCOME: 'backup_graph.cache.outcome',
  /** Attempts the call made (0 for a hit or a coalesced call). */
  ATTEMPTS: 'backup_graph.upstream.attempts',
  /** 1 for the first attempt of a call, 2 for the first retry… */
  ATTEMPT: 'backup_graph.upstream.attempt',
  /** Time the attempt waited for a rate-limit token, ms. */
  BUCKET_WAIT_MS: 'backup_graph.ratelimit.wait_ms',
  HTTP_METHOD: 'http.request.method',
  HTTP_STATUS: 'http.response.status_code',
} as const;
