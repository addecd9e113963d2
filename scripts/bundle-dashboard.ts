// `npm run dashboard`: bundles the dashboard's browser code (dashboard/*.ts, Apollo Client, graphql-ws and
// the typed documents) into one script and one stylesheet, written to src/generated/dashboard/ (checked in,
// so `npm start` from source serves it with no build step and no network); `npm run build` writes the same
// bundle into dist/. test/integration/dashboard-bundle.test.ts fails when the checked-in copy is stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where the gateway reads the bundle from (src/http/dashboard/assets.ts), relative to the package root. */
export const DASHBOARD_BUNDLE_DIR = 'src/generated/dashboard';

export interface DashboardBundle {
  /** `dashboard.js` and `dashboard.css`, by file name. */
  files: Map<string, string>;
}

/** The bundle in memory: the same input always gives the same bytes (esbuild is deterministic). */
export async function bundleDashboard(): Promise<DashboardBundle> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: { dashboard: 'dashboard/main.ts' },
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    // Apollo Client's development-only checks and messages are left out, as a production frontend build does.
    define: { 'process.env.NODE_ENV': '"production"' },
    conditions: ['production'],
    legalComments: 'eof',
    outdir: 'out',
    write: false,
    logLevel: 'warning',
  });
  return { files: new Map(result.outputFiles.map((f) => [path.basename(f.path), f.text])) };
}

async function main(): Promise<void> {
  const outDir = path.resolve(root, process.argv[2] ?? DASHBOARD_BUNDLE_DIR);
  const { files } = await bundleDashboard();
  mkdirSync(outDir, { recursive: true });
  for (const [name, text] of files) writeFileSync(path.join(outDir, name), text);
  process.stdout.write(`dashboard: ${[...files].map(([name, text]) => `${name} ${text.length} bytes`).join(', ')} in ${path.relative(root, outDir)}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
