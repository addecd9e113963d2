// Product knowledge lives in the product folders (issue 11, point 4; docs/architecture.md): outside
// src/{datasources,schema,resolvers}/<product>/ only ONE registration module, src/products.ts, may name a
// product kind — the string literals 'commvault', 'commvault-cloud', 'backupdr' or the GraphQL enum values
// COMMVAULT, COMMVAULT_CLOUD, BACKUPDR — or import a module from a product folder (type-only imports too).
// Files are read with the TypeScript parser, so comments and parts of longer strings do not count.
//
// GOAL: AN EMPTY BASELINE. The rule landed while the code still broke it, so the uses known then are listed
// under "productBoundaries" in test/unit/boundary-baseline.json, one entry per file and product kind named
// (`names`) or product folder imported (`imports`). A use not listed there fails this test (move it into a
// product folder or src/products.ts; never add it to the baseline). A listed one that no longer occurs
// fails too, so the entry gets deleted as the restructure lands: the baseline can only shrink.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  BASELINE_PATH,
  REPO_ROOT,
  compareWithBaseline,
  readBaseline,
  staleEntriesMessage,
  type ProductBoundaryEntry,
} from '../helpers/boundary-baseline.js';

/** The layers that have one folder per product. */
const PRODUCT_LAYERS = ['datasources', 'schema', 'resolvers'];
/** Folders in those layers that belong to no product (as in .dependency-cruiser.cjs). Every other folder there is a product's. */
const NEUTRAL_FOLDERS = ['pipeline', 'unified'];
/** The one module outside the product folders allowed to know the products. */
const REGISTRATION_MODULE = 'src/products.ts';
/** Written by `npm run codegen` from schema.graphql, whose UpstreamKind enum it must mirror: not ours to move. */
const GENERATED = 'src/generated/';

const PRODUCT_KIND_LITERALS = new Set(['commvault', 'commvault-cloud', 'backupdr']);
const PRODUCT_ENUM_VALUES = new Set(['COMMVAULT', 'COMMVAULT_CLOUD', 'BACKUPDR']);

/** `src/<layer>/<product>/` for every product folder on disk. */
function productFolders(): string[] {
  return PRODUCT_LAYERS.flatMap((layer) => {
    const dir = join(REPO_ROOT, 'src', layer);
    return readdirSync(dir)
      .filter((name) => !NEUTRAL_FOLDERS.includes(name) && statSync(join(dir, name)).isDirectory())
      .map((name) => `src/${layer}/${name}/`);
  });
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(REPO_ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(c|m)?tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** What a file names and imports that is a product's, found in its syntax tree (so comments never count). */
function productUses(file: string, text: string, folders: readonly string[]): ProductBoundaryEntry[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, /\.tsx$/.test(file) ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const uses: ProductBoundaryEntry[] = [];
  const specifiers = new Set<ts.Node>();

  const importOf = (specifier: ts.Expression | undefined): void => {
    if (!specifier || !ts.isStringLiteralLike(specifier)) return;
    specifiers.add(specifier);
    if (!specifier.text.startsWith('.')) return; // packages; src/ has no path aliases
    const target = posix.normalize(posix.join(posix.dirname(file), specifier.text));
    const folder = folders.find((f) => `${target}/`.startsWith(f));
    if (folder) uses.push({ file, imports: folder });
  };

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) importOf(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) importOf(node.moduleReference.expression);
    else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require')))
      importOf(node.arguments[0]);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) importOf(node.argument.literal as ts.Expression);

    if (ts.isStringLiteralLike(node) && !specifiers.has(node)) {
      // 'commvault', `backupdr`, { 'commvault-cloud': … }, kind: 'backupdr' as a type, and the enum's values as text.
      if (PRODUCT_KIND_LITERALS.has(node.text) || PRODUCT_ENUM_VALUES.has(node.text)) uses.push({ file, names: `'${node.text}'` });
    } else if ((ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) && PRODUCT_ENUM_VALUES.has(node.text)) {
      // UpstreamKind.COMMVAULT, enum members, { BACKUPDR: … }
      uses.push({ file, names: node.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return uses;
}

const keyOf = (e: ProductBoundaryEntry): string => `${e.file} ${e.names !== undefined ? `names ${e.names}` : `imports ${e.imports}`}`;

let scanned: ProductBoundaryEntry[] | undefined;
function violations(): ProductBoundaryEntry[] {
  return (scanned ??= scan());
}

function scan(): ProductBoundaryEntry[] {
  const folders = productFolders();
  const allowed = (file: string): boolean => file === REGISTRATION_MODULE || folders.some((f) => file.startsWith(f)) || file.startsWith(GENERATED);
  const found = sourceFiles('src')
    .filter((file) => !allowed(file))
    .flatMap((file) => productUses(file, readFileSync(join(REPO_ROOT, file), 'utf8'), folders));
  const byKey = new Map(found.map((e) => [keyOf(e), e]));
  return [...byKey.values()].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
}

describe('product boundaries: only product folders and src/products.ts know the products', () => {
  it('reads names and imports from the syntax tree, not from comments', () => {
    const folders = ['src/datasources/commvault/', 'src/resolvers/backupdr/'];
    const text = [
      "// 'commvault' and BACKUPDR in a comment, import '../datasources/commvault/x.js'",
      "/* kind === 'backupdr' */",
      "import type { CvJob } from '../datasources/commvault/model.js';",
      "import { pipeline } from '../datasources/pipeline/index.js';",
      "export { x } from '../resolvers/backupdr/present.js';",
      "const label = 'commvault jobs', key = 'commvaultJob', other = 'Commvault';",
      "const kind: 'commvault-cloud' = 'commvault-cloud';",
      'const k = UpstreamKind.COMMVAULT;',
      'const m = `backupdr`;',
      "type T = import('../resolvers/backupdr/spec.js').Spec;",
      "const lazy = () => import('../datasources/commvault/commvault-source.js');",
      "const commvault = 1; // a variable's name is not a literal",
    ].join('\n');
    expect(productUses('src/loaders/example.ts', text, folders).map(keyOf)).toEqual(
      [
        'imports src/datasources/commvault/',
        'imports src/resolvers/backupdr/',
        "names 'commvault-cloud'",
        "names 'commvault-cloud'",
        'names COMMVAULT',
        "names 'backupdr'",
        'imports src/resolvers/backupdr/',
        'imports src/datasources/commvault/',
      ].map((what) => `src/loaders/example.ts ${what}`),
    );
  });

  it('finds the product folders on disk', () => {
    expect(productFolders()).toEqual(expect.arrayContaining(['src/datasources/commvault/', 'src/datasources/backupdr/', 'src/schema/commvault/', 'src/resolvers/backupdr/']));
    expect(productFolders().some((f) => NEUTRAL_FOLDERS.some((n) => f.endsWith(`/${n}/`)))).toBe(false);
  });

  it('finds no use outside the baseline', () => {
    const known = new Set(readBaseline().productBoundaries.map(keyOf));
    const added = violations().filter((e) => !known.has(keyOf(e)));
    if (added.length === 0) return;
    throw new Error(
      [
        `${added.length} use${added.length === 1 ? '' : 's'} of a product outside the product folders and ${REGISTRATION_MODULE}:`,
        ...added.map((e) => `  ${e.file}: ${e.names !== undefined ? `names ${e.names}` : `imports a module from ${e.imports}`}`),
        '',
        `Move the product-specific code into its product folder (${PRODUCT_LAYERS.map((l) => `src/${l}/<product>/`).join(', ')})`,
        `or register it in ${REGISTRATION_MODULE}. Do not add it to ${BASELINE_PATH}: that baseline only lists what was there when the rule landed.`,
      ].join('\n'),
    );
  });

  it('finds every baseline entry still there (delete the ones that are gone)', () => {
    const { gone } = compareWithBaseline(violations(), readBaseline().productBoundaries, keyOf);
    if (gone.length > 0) throw new Error(staleEntriesMessage('productBoundaries', gone));
  });
});
