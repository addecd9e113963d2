import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PlaygroundExample } from './page.js';

/**
 * `operations/` of this package, found by walking up to the nearest `package.json`: the same code runs from
 * `src/http/playground/` (tsx) and from `dist/src/http/playground/` (build), at different depths.
 */
export function defaultOperationsDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('playground: no package.json above load-examples.ts');
    dir = parent;
  }
  return path.join(dir, 'operations');
}

/**
 * Reads every `*.graphql` file under `directory` (recursively), once, at start. The example's name is the
 * file name without `.graphql`; the list holds queries that run without variables, then queries that need
 * some, then mutations (the playground opens on a read anyone may run as it stands), each group sorted by
 * name (code-unit order, stable across locales). A missing
 * directory gives no examples (GraphiQL then opens its default tab); two files with the same name are an
 * error, because the name identifies the example.
 * @param directory @default `operations/` of this package
 */
/** `$name: Type!` followed by `,` or `)`: non-null and without a default. */
const REQUIRED_VARIABLE = /\$\w+\s*:\s*[\w[\]!\s]*!\s*(?=[,)])/;

export async function loadExamples(directory: string = defaultOperationsDir()): Promise<PlaygroundExample[]> {
  let files: string[];
  try {
    files = (await readdir(directory, { recursive: true })).filter((file) => file.endsWith('.graphql'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }

  const examples: PlaygroundExample[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const name = path.basename(file, '.graphql');
    const other = seen.get(name);
    if (other !== undefined) throw new Error(`playground: two examples named "${name}": ${other} and ${file}`);
    seen.set(name, file);
    examples.push({ name, document: await readFile(path.join(directory, file), 'utf8') });
  }
  return examples.sort((a, b) => group(a) - group(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** 0: a query that runs as it stands; 1: a query with a required variable and no default; 2: a mutation. */
function group(e: PlaygroundExample): number {
  if (/^\s*mutation\b/m.test(e.document)) return 2;
  return REQUIRED_VARIABLE.test(e.document) ? 1 : 0;
}
