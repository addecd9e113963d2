import type { RolePolicy } from '../config/schema.js';
import { ErrorCode } from '../errors/codes.js';
import type { TrustedDocument, TrustedDocuments } from './trusted-documents.js';
import { sha256Hex } from '../util/sha256.js';

/** What a request says about its document, before Apollo reads it. */
export interface OperationRequest {
  /** `documentId` (POST body field or GET parameter); any JSON value the client sent. */
  documentId?: unknown;
  /** The GraphQL text, if sent. */
  query?: string;
  /** `extensions.persistedQuery.sha256Hash`, if `extensions.persistedQuery` was sent ('' when not a string). */
  persistedHash?: string;
  /** `extensions.persistedQuery.version`. */
  persistedVersion?: unknown;
}

/** Why a request was refused; the label of `backup_graph_operations_refused_total`. */
export type RefusalReason = 'unknown_document' | 'not_trusted' | 'free_query' | 'apq' | 'malformed' | 'introspection' | 'depth' | 'cost' | 'budget' | 'tokens' | 'aliases' | 'root_fields' | 'directives';

/**
 * Where the document of a request comes from, as the role policy sees it:
 * - `trusted`: a manifest document, named by `documentId` or by its APQ hash. Allowed to every role.
 * - `apq`: an APQ hash not in the manifest (lookup or registration). Needs `apq`.
 * - `free`: plain GraphQL text. Needs `freeQueries`. `unregistered`: it came as an APQ registration from a
 *   role without `apq`; it runs as free text and is not stored.
 * - `none`: nothing to run; Apollo answers with its own 400.
 * - `refused`: not allowed for this role (or malformed): the code, reason and message to answer with.
 */
export type OperationSource =
  | { kind: 'trusted'; document: TrustedDocument }
  | { kind: 'apq' }
  | { kind: 'free'; unregistered?: true }
  | { kind: 'none' }
  | { kind: 'refused'; code: ErrorCode; reason: RefusalReason; message: string; status?: number };


/**
 * Decides, from what the request carries and the caller's role policy, where its document comes from.
 *
 * A `query` whose text happens to hash to a manifest entry is still a free query: partners name their
 * operations by id (or by hash), so a partner's traffic shows which reviewed document ran, and the
 * gateway never has to decide whether two texts "are the same" operation.
 */
export function classifyOperation(
  request: OperationRequest,
  policy: RolePolicy,
  trusted: TrustedDocuments,
): OperationSource {
  const { documentId, query, persistedHash } = request;
  if (documentId !== undefined) {
    if (typeof documentId !== 'string' || documentId === '') {
      return refused(ErrorCode.BAD_USER_INPUT, 'malformed', '`documentId` must be a non-empty string');
    }
    if (query !== undefined || persistedHash !== undefined) {
      return refused(
        ErrorCode.BAD_USER_INPUT,
        'malformed',
        'Send either `documentId`, or `query` / `extensions.persistedQuery`, not both',
      );
    }
    const document = trusted.byId(documentId);
    if (!document) {
      return refused(ErrorCode.PERSISTED_QUERY_NOT_FOUND, 'unknown_document', `No trusted document has id "${documentId}"`);
    }
    return { kind: 'trusted', document };
  }
  if (persistedHash !== undefined) {
    // Checked here, not left to Apollo: its own errors for these carry no code and would surface as 500s.
    if (request.persistedVersion !== 1) {
      return refused(ErrorCode.BAD_USER_INPUT, 'malformed', 'Unsupported persisted query version (only 1)');
    }
    if (query !== undefined && sha256Hex(query) !== persistedHash) {
      return refused(ErrorCode.BAD_USER_INPUT, 'malformed', 'provided sha does not match query');
    }
    const document = trusted.byHashHex(persistedHash);
    if (document) return { kind: 'trusted', document };
    if (!policy.apq && policy.freeQueries) {
      // Free text is allowed, APQ is not: behave like a server without APQ, so Apollo Client's link
      // (which reads this message) turns itself off and sends the text; a registration just runs.
      if (query !== undefined) return { kind: 'free', unregistered: true };
      return refused(ErrorCode.BAD_USER_INPUT, 'apq', 'PersistedQueryNotSupported', 200);
    }
    if (!policy.apq) {
      return refused(
        ErrorCode.OPERATION_NOT_ALLOWED,
        query === undefined ? 'not_trusted' : 'apq',
        'This API key may run only trusted documents; this hash names none',
      );
    }
    return { kind: 'apq' };
  }
  if (query !== undefined) {
    if (!policy.freeQueries) {
      return refused(
        ErrorCode.OPERATION_NOT_ALLOWED,
        'free_query',
        'This API key may run only trusted documents: send `documentId` (see docs/partners.md)',
      );
    }
    return { kind: 'free' };
  }
  return { kind: 'none' };
}

function refused(code: ErrorCode, reason: RefusalReason, message: string, status?: number): OperationSource {
  return { kind: 'refused', code, reason, message, status };
}
