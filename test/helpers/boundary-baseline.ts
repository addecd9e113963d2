// The baseline of known import-boundary violations, shared by test/unit/dependency-rules.test.ts and
// test/unit/product-boundaries.test.ts. The baseline may only shrink: a violation not in it fails, and so
// does an entry that no longer occurs. The goal is an empty baseline.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BASELINE_PATH = 'test/unit/boundary-baseline.json';

/** One dependency-cruiser violation: the rule's name and the import's two ends, relative to the repository. */
export interface DependencyRuleEntry {
  rule: string;
  from: string;
  to: string;
}

/** One file outside the product folders that names a product kind (`names`) or imports a product folder (`imports`). */
export interface ProductBoundaryEntry {
  file: string;
  names?: string;
  imports?: string;
}

export interface BoundaryBaseline {
  dependencyRules: DependencyRuleEntry[];
  productBoundaries: ProductBoundaryEntry[];
}

export function readBaseline(): BoundaryBaseline {
  const parsed = JSON.parse(readFileSync(new URL(`../../${BASELINE_PATH}`, import.meta.url), 'utf8')) as Partial<BoundaryBaseline>;
  return { dependencyRules: parsed.dependencyRules ?? [], productBoundaries: parsed.productBoundaries ?? [] };
}

/** Entries found but not in the baseline (`added`), and baseline entries no longer found (`gone`). */
export function compareWithBaseline<T>(found: readonly T[], baseline: readonly T[], key: (entry: T) => string): { added: T[]; gone: T[] } {
  const known = new Set(baseline.map(key));
  const seen = new Set(found.map(key));
  const added = dedupe(found.filter((entry) => !known.has(key(entry))), key);
  const gone = dedupe(baseline.filter((entry) => !seen.has(key(entry))), key);
  return { added, gone };
}

function dedupe<T>(entries: T[], key: (entry: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const entry of entries) if (!byKey.has(key(entry))) byKey.set(key(entry), entry);
  return [...byKey.values()];
}

/** The message for entries that left: they must be deleted from the baseline, which can only shrink. */
export function staleEntriesMessage(section: keyof BoundaryBaseline, gone: readonly object[]): string {
  return [
    `${gone.length} entr${gone.length === 1 ? 'y' : 'ies'} of "${section}" in ${BASELINE_PATH} no longer occur${gone.length === 1 ? 's' : ''}.`,
    `Good: delete ${gone.length === 1 ? 'it' : 'them'} from the baseline (it may only shrink; the goal is an empty baseline):`,
    ...gone.map((entry) => `  ${baselineLine(entry)}`),
  ].join('\n');
}

/** An entry as it is written in the baseline file, one per line, so it can be searched for and deleted. */
export function baselineLine(entry: object): string {
  return `{${Object.entries(entry).map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`).join(', ')}}`;
}
