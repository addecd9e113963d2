// `npm run build`, after tsc: copies the non-TypeScript files the compiled gateway reads at run time
// beside the compiled modules that read them (paths are resolved from import.meta.url), into
// `<outDir>` (default dist; a test builds elsewhere: `node scripts/copy-build-assets.mjs <outDir>`).
import { cpSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.resolve(root, process.argv[2] ?? 'dist');

/** [source, destination] relative to the package root and outDir. */
const ASSETS = [
  // The trusted-documents manifest (src/persisted/trusted-documents.ts DEFAULT_MANIFEST_PATH).
  ['src/generated/operations/persisted-documents.json', 'src/generated/operations/persisted-documents.json'],
];

for (const [from, to] of ASSETS) {
  const source = path.join(root, from);
  if (!existsSync(source)) {
    process.stderr.write(`copy-build-assets: ${from} is missing; run \`npm run codegen\`\n`);
    process.exit(1);
  }
  cpSync(source, path.join(outDir, to));
}
