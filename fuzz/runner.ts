import type { GraphQLSchema } from 'graphql';
import { Agent } from 'undici';
import { Prng } from '../simulators/common/prng.js';
import type { KnownIds } from './graphql-values.js';
import { judge, type OracleContext } from './oracle.js';
import { generateRequest, type FuzzRequest } from './requests.js';
import { send } from './send.js';

export interface FuzzRunOptions {
  /** The gateway's base URL. */
  url: string;
  seed: number;
  /** Cases to run: indexes `from` .. `from + cases - 1` of the seed. */
  cases: number;
  from?: number;
  /** Requests in flight at once. */
  concurrency?: number;
  schema: GraphQLSchema;
  trusted: ReadonlyArray<readonly [string, string]>;
  apiKeys: Readonly<Record<string, string>>;
  upstreams: readonly string[];
  oracle: OracleContext;
  /** Called after every `every` cases (memory samples, progress). */
  progress?: { every: number; call(done: number): Promise<void> | void };
}

export interface Finding {
  seed: number;
  /** The case's index: `--seed <seed> --case <index>` replays it alone. */
  index: number;
  kind: string;
  problems: string[];
  request: { method: string; path: string; headers: Record<string, string>; body?: string };
  status: number;
  answer: string;
}

export interface FuzzReport {
  seed: number;
  cases: number;
  /** Cases the HTTP client itself would not send (illegal header bytes): not answers of the gateway. */
  skipped: number;
  byKind: Record<string, number>;
  byStatus: Record<string, number>;
  findings: Finding[];
}

/** One case's request, from the seed and index alone (independent of every other case). */
export function caseRequest(seed: number, index: number, c: { schema: GraphQLSchema; ids: KnownIds; apiKeys: Readonly<Record<string, string>>; trusted: ReadonlyArray<readonly [string, string]> }): FuzzRequest {
  return generateRequest(new Prng(seed).fork(`case-${index}`), c);
}

/** Runs the cases against a gateway and judges every answer. */
export async function runFuzz(o: FuzzRunOptions): Promise<FuzzReport> {
  const agent = new Agent({ connections: 16, keepAliveTimeout: 10_000 });
  const report: FuzzReport = { seed: o.seed, cases: 0, skipped: 0, byKind: {}, byStatus: {}, findings: [] };
  try {
    const ids: KnownIds = { upstreams: o.upstreams, globalIds: await knownGlobalIds(o.url, o.apiKeys.analyst ?? '') };
    const from = o.from ?? 0;
    let next = from;
    let done = 0;
    const worker = async (): Promise<void> => {
      while (next < from + o.cases) {
        const index = next++;
        const req = caseRequest(o.seed, index, { schema: o.schema, ids, apiKeys: o.apiKeys, trusted: o.trusted });
        const answer = await send(o.url, req, agent);
        report.cases++;
        report.byKind[req.kind] = (report.byKind[req.kind] ?? 0) + 1;
        if (!answer) {
          report.skipped++;
        } else {
          report.byStatus[answer.status] = (report.byStatus[answer.status] ?? 0) + 1;
          const problems = judge(req, answer, o.oracle);
          if (problems.length) report.findings.push(finding(o.seed, index, req, answer.status, answer.text, problems));
        }
        done++;
        if (o.progress && done % o.progress.every === 0) await o.progress.call(done);
      }
    };
    await Promise.all(Array.from({ length: o.concurrency ?? 4 }, worker));
  } finally {
    await agent.close();
  }
  report.findings.sort((a, b) => a.index - b.index);
  return report;
}

function finding(seed: number, index: number, req: FuzzRequest, status: number, answer: string, problems: string[]): Finding {
  const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);
  const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, clip(v, 200)]));
  const body = req.raw ?? (typeof req.body === 'string' ? req.body : req.body ? `<${req.body.length} binary bytes>` : undefined);
  return { seed, index, kind: req.kind, problems, request: { method: req.method, path: clip(req.path, 2000), headers, ...(body !== undefined ? { body: clip(body, 2000) } : {}) }, status, answer: clip(answer, 1000) };
}

/** Global ids the gateway really hands out, so that generated `node(id:)` and inputs sometimes hit real objects. */
async function knownGlobalIds(url: string, apiKey: string): Promise<string[]> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ query: '{ jobs(first: 20) { edges { node { id } } } commvaultClients(first: 10) { edges { node { id } } } }' }),
  });
  const text = await res.text();
  return [...text.matchAll(/"id":"([^"]+)"/g)].map((m) => m[1]);
}

/** Findings folded by what went wrong, for a short report: the first problem with digits blanked, and the case kind. */
export function summarize(findings: readonly Finding[]): Array<{ signature: string; count: number; first: Finding }> {
  const groups = new Map<string, { signature: string; count: number; first: Finding }>();
  for (const f of findings) {
    const signature = `${f.kind} ${f.status}: ${f.problems[0].replace(/\d+/g, 'N').slice(0, 100)}`;
    const g = groups.get(signature);
    if (g) g.count++;
    else groups.set(signature, { signature, count: 1, first: f });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}
