// Which way imports may point in src/ (issue 11, point 4). See docs/architecture.md, "Imports point one way".
//
//   npx depcruise --config .dependency-cruiser.cjs src
//
// test/unit/dependency-rules.test.ts runs the same rules in `npm test`, against a baseline of the
// violations known when the rules landed (test/unit/boundary-baseline.json); the goal is an empty baseline.
//
// Type-only imports (`import type`, `import { type X }`) COUNT, for every rule
// (`tsPreCompilationDeps: true` keeps them in the graph; TypeScript would erase them):
// - Layer and product rules: a type-only import still makes the lower layer know the upper one. A
//   datasource that names a schema or resolver type must change when the graph changes, which is
//   exactly the coupling the rule exists to stop; only the runtime cost differs.
// - Cycles: a cycle made only of type-only edges does not change module evaluation order, so it
//   cannot break at run time. It is counted all the same: it still ties the modules into one knot
//   that cannot be split or built separately (e.g. as TypeScript project references), and today's
//   cycles (context.ts → loaders → datasources/registry.ts → context.ts) are the layering problem
//   the restructure is removing. The issue asks for "any import cycle".

/** Neutral folders inside the product layers: shared by all products, not a product themselves. */
const NEUTRAL = ['pipeline', 'unified'];
const PRODUCT_LAYERS = '(?:datasources|schema|resolvers)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycle (type-only edges included). Cut it by moving the shared piece into a module both sides import.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'data-layer-not-up',
      severity: 'error',
      comment:
        'src/datasources, src/cache and src/ratelimit sit below the graph and the edge: they must not import ' +
        'src/resolvers, src/schema, src/plugins or src/http (type-only imports included). Move the shared type down.',
      from: { path: '^src/(?:datasources|cache|ratelimit)/' },
      to: { path: '^src/(?:resolvers|schema|plugins|http)/' },
    },
    {
      name: 'plugins-not-to-resolvers',
      severity: 'error',
      comment: 'src/plugins runs around execution and must not import src/resolvers (type-only imports included).',
      from: { path: '^src/plugins/' },
      to: { path: '^src/resolvers/' },
    },
    {
      name: 'no-cross-product',
      severity: 'error',
      comment:
        "A product folder (src/{datasources,schema,resolvers}/<product>/) must not import another product's folders. " +
        `The neutral folders (${NEUTRAL.join(', ')}) are not products. Any new folder in those layers is a product.`,
      // $1 is the product (the folder name) the importing module lives in; one pattern covers every product.
      from: {
        path: `^src/${PRODUCT_LAYERS}/([^/]+)/`,
        pathNot: `^src/${PRODUCT_LAYERS}/(?:${NEUTRAL.join('|')})/`,
      },
      to: {
        path: `^src/${PRODUCT_LAYERS}/[^/]+/`,
        pathNot: [`^src/${PRODUCT_LAYERS}/(?:${NEUTRAL.join('|')})/`, `^src/${PRODUCT_LAYERS}/$1/`],
      },
    },
  ],
  options: {
    // Keep type-only imports in the graph (see the top of this file).
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Resolve into packages and simulators/ (src/demo-simulators.ts), but do not walk node_modules.
    doNotFollow: { path: 'node_modules' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
