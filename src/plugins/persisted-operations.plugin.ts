import type { ApolloServerPlugin, GraphQLRequest } from '@apollo/server';
import type { Role, RolePolicy } from '../config/schema.js';
import { classifyOperation, type OperationRequest, type OperationSource } from '../persisted/operation-source.js';
import { refusal } from '../persisted/refusals.js';
import type { TrustedDocuments } from '../persisted/trusted-documents.js';

export interface PersistedOperationsOptions {
  /** The safelist loaded at start from the codegen manifest. */
  trusted: TrustedDocuments;
  /** `config.roles`: who may send free text, use APQ. */
  roles: Readonly<Record<Role, RolePolicy>>;
}

/**
 * Stands in for a refused request's text, so that text is never parsed or validated (a partner's free
 * query is refused as OPERATION_NOT_ALLOWED whatever it contains, and costs nothing to refuse).
 */
const REFUSED_PLACEHOLDER = 'query PersistedOperationRefused { __typename }';

type Refused = Extract<OperationSource, { kind: 'refused' }>;

/**
 * Trusted documents and the APQ policy per role (docs/partners.md; docs/architecture.md "Persisted operations").
 *
 * Runs in `requestDidStart`, the one Apollo hook that sees the request before Apollo's own APQ step
 * reads `query` and `extensions.persistedQuery`, and after the context (so the caller's role) exists:
 * - `documentId` (a field Apollo does not know; POST body or GET parameter) becomes the manifest text;
 * - the APQ hash of a manifest document becomes the manifest text too, without touching the APQ store
 *   (trusted documents never expire and are never registered);
 * - other APQ hashes and free text are left to Apollo when the role allows them.
 * A fastify preHandler could rewrite the body as well, but would have to authenticate a second time and
 * would see a batch as one array; here each operation of a batch is one request.
 *
 * Apollo lets no hook before parsing answer with an error (a throw in `requestDidStart` becomes a masked
 * 500), so a refused request's text is swapped for a constant document and the refusal is thrown from
 * `didResolveOperation`, where Apollo turns it into a normal error response — before APQ registration.
 */
export function usePersistedOperations<TContext extends { principal: { role: Role } }>(
  options: PersistedOperationsOptions,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ request, contextValue }) {
      const role = contextValue.principal.role;
      const source = classifyOperation(readOperationRequest(request), options.roles[role], options.trusted);
      let refused: Refused | undefined;
      if (source.kind === 'trusted') {
        request.query = source.document.text;
        request.extensions = withoutPersistedQuery(request.extensions);
      } else if (source.kind === 'free' && source.unregistered) {
        request.extensions = withoutPersistedQuery(request.extensions);
      } else if (source.kind === 'refused') {
        refused = source;
        request.query = REFUSED_PLACEHOLDER;
        request.operationName = undefined;
        request.extensions = withoutPersistedQuery(request.extensions);
      }
      return {
        async didResolveOperation() {
          if (refused) throw refusal(role, refused.code, refused.reason, refused.message, refused.status);
        },
      };
    },
  };
}

/** The parts of a request that name its document; `documentId` is read from the raw HTTP request. */
function readOperationRequest(request: GraphQLRequest): OperationRequest {
  const http = request.http;
  let documentId: unknown;
  if (http?.method === 'GET') {
    documentId = new URLSearchParams(http.search).get('documentId') ?? undefined;
  } else if (isRecord(http?.body)) {
    documentId = http.body.documentId ?? undefined;
  }
  const persisted: unknown = request.extensions?.persistedQuery;
  if (!isRecord(persisted)) return { documentId, query: request.query };
  return {
    documentId,
    query: request.query,
    persistedHash: typeof persisted.sha256Hash === 'string' ? persisted.sha256Hash : '',
    persistedVersion: persisted.version,
  };
}

function withoutPersistedQuery(extensions: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!extensions || !('persistedQuery' in extensions)) return extensions;
  const { persistedQuery: _persistedQuery, ...rest } = extensions;
  return rest;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
