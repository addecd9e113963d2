import { ErrorCode } from '../src/errors/codes.js';
import type { FuzzRequest } from './requests.js';
import type { FuzzAnswer } from './send.js';

const PUBLIC_CODES = new Set<string>(Object.values(ErrorCode));
const RESULT_KEYS = new Set(['data', 'errors', 'extensions']);

/** What an answer must never contain, besides the secrets and hosts of the run. */
const STACK_TRACE = [/\n\s+at [^\n]*:\d+:\d+/, /\.(?:ts|js|mjs|cjs):\d+:\d+/, /node_modules/, /"stack(?:trace)?"\s*:/i];

export interface OracleContext {
  /** `host:port` of every upstream. */
  upstreamHosts: readonly string[];
  /** Passwords, tokens and API keys of the run's config. */
  secrets: readonly string[];
}

/**
 * The properties every answer of `/graphql` must have, whatever was sent: an HTTP answer with a status
 * below 500; a GraphQL-over-HTTP JSON body (one result, or one per operation of a batch), each result
 * with `data` and/or `errors` and nothing else but `extensions`; every error with a message and a code
 * of the public list (src/errors/codes.ts) other than INTERNAL_SERVER_ERROR, which on healthy upstreams
 * means a crash was masked; and no upstream address, credential or stack trace anywhere in the answer.
 * Returns the problems found (empty: the answer is fine).
 */
export function judge(req: FuzzRequest, answer: FuzzAnswer, ctx: OracleContext): string[] {
  const problems: string[] = [];
  if (answer.status === 0) return [`no HTTP answer (${answer.text})`];
  if (answer.status >= 500) problems.push(`status ${answer.status}`);
  for (const host of ctx.upstreamHosts) if (answer.text.includes(host)) problems.push(`leaks the upstream address ${host}`);
  for (const secret of ctx.secrets) if (answer.text.includes(secret)) problems.push('leaks a credential of the config');
  for (const pattern of STACK_TRACE) if (pattern.test(answer.text)) problems.push(`looks like a stack trace (${pattern.source})`);

  // No body to judge: a HEAD answer, a preflight's 204, or a path other than /graphql (a bad URL).
  if (req.method === 'HEAD' || answer.status === 204 || (req.raw === undefined && !req.path.startsWith('/graphql'))) return problems;
  if (!/^application\/(?:graphql-response\+)?json\b/i.test(answer.contentType)) {
    problems.push(`content type "${answer.contentType}" is not GraphQL-over-HTTP JSON (status ${answer.status}: ${answer.text.slice(0, 120)})`);
    return problems;
  }
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    problems.push(`body is not JSON: ${answer.text.slice(0, 120)}`);
    return problems;
  }
  // A JSON array body is a batch: one result per operation (a refused batch as a whole is one result).
  const sentBatch = typeof req.body === 'string' && req.body.trimStart().startsWith('[');
  const results = Array.isArray(body) && sentBatch ? body : [body];
  for (const result of results) problems.push(...judgeResult(result));
  // An error status needs an error to explain it (in a batch, in one of its results at least).
  if (answer.status >= 400 && !results.some((r) => Array.isArray((r as { errors?: unknown } | null)?.errors))) problems.push(`status ${answer.status} with no errors`);
  return problems;
}

function judgeResult(result: unknown): string[] {
  if (!result || typeof result !== 'object' || Array.isArray(result)) return [`a result that is not an object: ${JSON.stringify(result)?.slice(0, 120)}`];
  const r = result as Record<string, unknown>;
  const problems: string[] = [];
  const extra = Object.keys(r).filter((k) => !RESULT_KEYS.has(k));
  if (extra.length) problems.push(`result has keys ${extra.join(', ')}: ${JSON.stringify(r).slice(0, 160)}`);
  if (!('data' in r) && !('errors' in r)) problems.push('result has neither data nor errors');
  if ('errors' in r) {
    if (!Array.isArray(r.errors) || r.errors.length === 0) return [...problems, 'errors is not a non-empty list'];
    for (const e of r.errors as Array<Record<string, unknown>>) {
      if (typeof e?.message !== 'string') problems.push('an error without a message');
      const code = (e?.extensions as { code?: unknown } | undefined)?.code;
      if (typeof code !== 'string' || !PUBLIC_CODES.has(code)) problems.push(`error code ${JSON.stringify(code)} is not public: ${String(e?.message).slice(0, 120)}`);
      else if (code === ErrorCode.INTERNAL_SERVER_ERROR) problems.push(`INTERNAL_SERVER_ERROR (a masked crash) at ${JSON.stringify(e.path ?? null)}`);
    }
  }
  return problems;
}
