// Imports point one way (issue 11, point 4; docs/architecture.md): runs dependency-cruiser over src/ with
// .dependency-cruiser.cjs — no import cycles, data layer not importing the graph or the edge, plugins not
// importing resolvers, no product folder importing another product's — and fails listing each violation.
//
// GOAL: AN EMPTY BASELINE. The rules landed while the code still broke them, so the violations known then
// are listed under "dependencyRules" in test/unit/boundary-baseline.json. A violation not listed there
// fails this test (fix the import; never add it to the baseline). A listed one that no longer occurs fails
// too, so the entry gets deleted as the restructure lands: the baseline can only shrink.
//
// The same check by hand: npx depcruise --config .dependency-cruiser.cjs src
import { cruise, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BASELINE_PATH,
  REPO_ROOT,
  compareWithBaseline,
  readBaseline,
  staleEntriesMessage,
  type DependencyRuleEntry,
} from '../helpers/boundary-baseline.js';

const CONFIG = '.dependency-cruiser.cjs';
const RULES = ['no-circular', 'data-layer-not-up', 'plugins-not-to-resolvers', 'no-cross-product'];
const keyOf = (e: DependencyRuleEntry): string => `${e.rule} ${e.from} -> ${e.to}`;

function describeViolation(v: IViolation): string {
  const typeOnly = (types: readonly string[] | undefined): string => (types?.includes('type-only') ? ' (type-only)' : '');
  const lines = [`  ${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? '' : typeOnly(v.dependencyTypes)}`];
  if (v.cycle?.length) lines.push(`      cycle: ${v.from}${v.cycle.map((step) => ` → ${step.name}${typeOnly(step.dependencyTypes)}`).join('')}`);
  return lines.join('\n');
}

describe('dependency rules (.dependency-cruiser.cjs)', () => {
  let result: ICruiseResult;

  beforeAll(async () => {
    const options = await extractDepcruiseOptions(join(REPO_ROOT, CONFIG));
    const tsConfig = extractTSConfig(join(REPO_ROOT, 'tsconfig.json'));
    const reported = await cruise(['src'], { ...options, baseDir: REPO_ROOT }, {}, { tsConfig });
    if (typeof reported.output === 'string') throw new Error(`dependency-cruiser returned text, not a result:\n${reported.output}`);
    result = reported.output;
  }, 60_000);

  it('cruises src/ with the four rules, type-only imports included', () => {
    expect(result.summary.ruleSetUsed?.forbidden?.map((rule) => rule.name)).toEqual(RULES);
    expect(result.modules.filter((m) => m.source.startsWith('src/')).length).toBeGreaterThan(100);
    // A rule that forgot type-only imports would pass on imports it never saw.
    expect(result.modules.some((m) => m.dependencies.some((d) => d.dependencyTypes.includes('type-only')))).toBe(true);
  });

  it('finds no violation outside the baseline', () => {
    const baseline = readBaseline().dependencyRules;
    const known = new Set(baseline.map(keyOf));
    const added = result.summary.violations.filter((v) => !known.has(keyOf({ rule: v.rule.name, from: v.from, to: v.to })));
    if (added.length === 0) return;
    const comments = new Map(result.summary.ruleSetUsed?.forbidden?.map((rule) => [rule.name, rule.comment ?? '']));
    const rules = [...new Set(added.map((v) => v.rule.name))];
    throw new Error(
      [
        `${added.length} import${added.length === 1 ? '' : 's'} break${added.length === 1 ? 's' : ''} the dependency rules (rule: from → to):`,
        ...added.map(describeViolation),
        '',
        ...rules.map((name) => `${name}: ${comments.get(name)}`),
        '',
        'Type-only imports count too (see the top of .dependency-cruiser.cjs).',
        `Fix the import. Do not add it to ${BASELINE_PATH}: that baseline only lists what was there when the rules landed.`,
        `See it by hand: npx depcruise --config ${CONFIG} src`,
      ].join('\n'),
    );
  });

  it('finds every baseline entry still there (delete the ones that are gone)', () => {
    const found = result.summary.violations.map((v): DependencyRuleEntry => ({ rule: v.rule.name, from: v.from, to: v.to }));
    const { gone } = compareWithBaseline(found, readBaseline().dependencyRules, keyOf);
    if (gone.length > 0) throw new Error(staleEntriesMessage('dependencyRules', gone));
  });
});
