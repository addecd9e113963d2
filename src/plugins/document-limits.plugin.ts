import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  Lexer,
  parse,
  Source,
  TokenKind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { LRUCache } from 'lru-cache';
import type { Role, RolePolicy } from '../config/schema.js';
import { ErrorCode } from '../errors/codes.js';
import type { RefusalReason } from '../persisted/operation-source.js';
import { operationsRefusedTotal } from '../persisted/refusals.js';
import type { TrustedDocuments } from '../persisted/trusted-documents.js';
import { replaceRefusedText } from './refused-text.js';
import { sha256Hex } from '../util/sha256.js';

/** The shape limits of one document, as `limits.*` and `roles.<role>.*` state them. */
export interface DocumentLimits {
  maxTokens: number;
  maxAliases: number;
  maxRootFields: number;
  maxDirectives: number;
}

/** What one operation of a document measures (fragments counted at each spread). */
export interface OperationFigures {
  aliases: number;
  rootFields: number;
  directives: number;
}

/** Each limit, the figure it bounds, its label in `backup_graph_operations_refused_total`, and the words of the message. */
const CHECKS = [
  { limit: 'maxAliases', figure: 'aliases', reason: 'aliases', noun: 'aliases' },
  { limit: 'maxRootFields', figure: 'rootFields', reason: 'root_fields', noun: 'root fields' },
  { limit: 'maxDirectives', figure: 'directives', reason: 'directives', noun: 'directives' },
] as const;

/** Stands in for a refused request's text, so that the text is never parsed or validated by Apollo. */
const REFUSED_PLACEHOLDER = 'query DocumentLimitsRefused { __typename }';

/** Documents whose figures are kept (by SHA-256 of the text): repeated documents are measured once. */
const MEASURED_DOCUMENTS = 1000;

/** A document's measure: its tokens, and per operation name ('' for the anonymous one) its figures; `null` when it does not parse. */
interface Measure {
  tokens: number;
  operations?: Map<string, OperationFigures> | null;
}

/**
 * Refuses documents too large in shape before Apollo parses and validates them: more lexical tokens,
 * aliases, root fields or directives than the caller's role allows (`limits.*`, or the role's own lower
 * `roles.<role>.*`), with QUERY_TOO_COMPLEX (HTTP 400) naming the figure and the limit, counted in
 * `backup_graph_operations_refused_total{reason="tokens"|"aliases"|"root_fields"|"directives"}`.
 *
 * Why here and not as validation rules (graphql-armor's, or ours): Apollo validates with the specified
 * rules and any extra rule in one pass, and OverlappingFieldsCanBeMerged compares the fields of a
 * selection set pairwise; 20 000 aliases of one field cost it ~10 s of CPU whatever another rule reports
 * in the same pass. Validation is also cached per document for every caller, so it cannot depend on the
 * role. So the text is lexed (up to the global token limit, no further) and parsed here, in
 * `requestDidStart`, where the role is known; a refused request's text is swapped for a constant
 * document (as the persisted-operation policy does) and the refusal thrown from `didResolveOperation`,
 * the first hook where Apollo answers a thrown error as a normal error response.
 *
 * A request that brings no text (an APQ hash) is measured from the stored text in `didResolveOperation`.
 * Trusted documents (the reviewed manifest) are exempt. Apollo's own `parseOptions.maxTokens` is set to
 * the global `limits.maxTokens` as a backstop.
 */
export function useDocumentLimits<TContext extends { principal: { role: Role } }>(options: {
  limits: DocumentLimits;
  roles: Readonly<Record<Role, RolePolicy>>;
  trusted: TrustedDocuments;
}): ApolloServerPlugin<TContext> {
  const measures = new LRUCache<string, Measure>({ max: MEASURED_DOCUMENTS });
  // Each role's limits follow from the config alone: worked out once per role, not per request.
  const byRole = new Map<Role, DocumentLimits>();
  const limitsOf = (role: Role): DocumentLimits => {
    let limits = byRole.get(role);
    if (limits === undefined) {
      const own = options.roles[role];
      const min = (key: keyof DocumentLimits) => Math.min(options.limits[key], own[key] ?? Infinity);
      limits = { maxTokens: min('maxTokens'), maxAliases: min('maxAliases'), maxRootFields: min('maxRootFields'), maxDirectives: min('maxDirectives') };
      byRole.set(role, limits);
    }
    return limits;
  };

  /** The refusal for this text and operation name under these limits, or undefined when it passes (or is Apollo's to reject). */
  const check = (text: string, operationName: string | undefined, limits: DocumentLimits): Refusal | undefined => {
    const hash = sha256Hex(text);
    if (options.trusted.byHashHex(hash)) return undefined;
    let measure = measures.get(hash);
    // Counted up to the global limit (roles only tighten it): past it, the count is a lower bound.
    if (!measure) measures.set(hash, (measure = { tokens: countTokens(text, options.limits.maxTokens) }));
    if (measure.tokens > limits.maxTokens) {
      const stopped = measure.tokens > options.limits.maxTokens;
      return {
        reason: 'tokens',
        message: `Document has ${stopped ? 'more than ' + options.limits.maxTokens : measure.tokens} tokens; the limit is ${limits.maxTokens}`,
        extensions: { tokens: measure.tokens, maxTokens: limits.maxTokens },
      };
    }
    if (measure.operations === undefined) measure.operations = measureOperations(text);
    const figures = measure.operations?.get(operationName ?? '') ?? (operationName === undefined && measure.operations?.size === 1 ? [...measure.operations.values()][0] : undefined);
    if (!figures) return undefined; // a syntax error, or no such operation: Apollo answers it
    for (const c of CHECKS) {
      if (figures[c.figure] > limits[c.limit]) {
        return {
          reason: c.reason,
          message: `Operation has ${figures[c.figure]} ${c.noun}; the limit is ${limits[c.limit]}`,
          extensions: { [c.figure]: figures[c.figure], [c.limit]: limits[c.limit] },
        };
      }
    }
    return undefined;
  };

  return {
    async requestDidStart({ request, contextValue }) {
      const role = contextValue.principal.role;
      const limits = limitsOf(role);
      let refused: Refusal | undefined;
      let checked = false;
      if (typeof request.query === 'string') {
        checked = true;
        refused = check(request.query, typeof request.operationName === 'string' ? request.operationName : undefined, limits);
        if (refused) replaceRefusedText(request, REFUSED_PLACEHOLDER);
      }
      return {
        async didResolveOperation({ source, operationName }) {
          if (!checked) refused = check(source, operationName ?? undefined, limits);
          if (!refused) return;
          operationsRefusedTotal.inc({ role, reason: refused.reason, code: ErrorCode.QUERY_TOO_COMPLEX });
          throw new GraphQLError(refused.message, {
            extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, ...refused.extensions, http: { status: 400 } },
          });
        },
      };
    },
  };
}

interface Refusal {
  reason: RefusalReason;
  message: string;
  extensions: Record<string, number>;
}

/**
 * Lexical tokens of a GraphQL text as graphql-js's `maxTokens` counts them (comments and `<EOF>` not
 * counted), stopping once `stopAfter` is passed: lexing the 120 000 tokens of 20 000 aliases alone takes
 * 40-100 ms, so a refused document is read only up to its limit.
 */
export function countTokens(text: string, stopAfter = Infinity): number {
  const lexer = new Lexer(new Source(text));
  let count = 0;
  try {
    while (count <= stopAfter && lexer.advance().kind !== TokenKind.EOF) count++;
  } catch {
    // A lexical error: what was read so far is the count; Apollo's parse reports the error itself.
  }
  return count;
}

/** The figures of each operation of a text, by name ('' for an anonymous one); null when it does not parse. */
function measureOperations(text: string): Map<string, OperationFigures> | null {
  let document: DocumentNode;
  try {
    document = parse(text, { noLocation: true });
  } catch {
    return null;
  }
  const result = new Map<string, OperationFigures>();
  for (const def of document.definitions) {
    if (def.kind === Kind.OPERATION_DEFINITION) result.set(def.name?.value ?? '', measureOperation(document, def));
  }
  return result;
}

/**
 * Aliases, root fields and directives of one operation. A fragment counts at each spread (its own
 * figures computed once; a cycle, which validation reports, adds nothing), so spreading one fragment of
 * 100 aliases ten times is 1 000 aliases.
 */
export function measureOperation(document: DocumentNode, operation: OperationDefinitionNode): OperationFigures {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const fragmentCounts = new Map<string, { aliases: number; directives: number }>();
  const fragmentCount = (name: string) => {
    let counts = fragmentCounts.get(name);
    if (!counts) {
      fragmentCounts.set(name, { aliases: 0, directives: 0 });
      const fragment = fragments.get(name);
      counts = fragment ? countIn(fragment.selectionSet) : { aliases: 0, directives: 0 };
      counts.directives += fragment?.directives?.length ?? 0;
      fragmentCounts.set(name, counts);
    }
    return counts;
  };
  const countIn = (set: SelectionSetNode): { aliases: number; directives: number } => {
    let aliases = 0;
    let directives = 0;
    for (const sel of set.selections) {
      directives += sel.directives?.length ?? 0;
      if (sel.kind === Kind.FIELD) {
        if (sel.alias) aliases++;
        if (sel.selectionSet) {
          const inner = countIn(sel.selectionSet);
          aliases += inner.aliases;
          directives += inner.directives;
        }
      } else {
        const inner = sel.kind === Kind.INLINE_FRAGMENT ? countIn(sel.selectionSet) : fragmentCount(sel.name.value);
        aliases += inner.aliases;
        directives += inner.directives;
      }
    }
    return { aliases, directives };
  };
  const fragmentRoots = new Map<string, number>();
  const rootFieldsIn = (set: SelectionSetNode): number => {
    let n = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) n++;
      else if (sel.kind === Kind.INLINE_FRAGMENT) n += rootFieldsIn(sel.selectionSet);
      else {
        let m = fragmentRoots.get(sel.name.value);
        if (m === undefined) {
          fragmentRoots.set(sel.name.value, 0);
          const fragment = fragments.get(sel.name.value);
          m = fragment ? rootFieldsIn(fragment.selectionSet) : 0;
          fragmentRoots.set(sel.name.value, m);
        }
        n += m;
      }
    }
    return n;
  };
  const counts = countIn(operation.selectionSet);
  let directives = counts.directives + (operation.directives?.length ?? 0);
  for (const v of operation.variableDefinitions ?? []) directives += v.directives?.length ?? 0;
  return { aliases: counts.aliases, rootFields: rootFieldsIn(operation.selectionSet), directives };
}
