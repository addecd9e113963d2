import { readFileSync } from 'node:fs';

const PEM_BLOCK = /-----BEGIN [A-Z0-9 ]+-----/;

/**
 * A PEM value as the configuration gives it: the PEM text itself (it holds a `-----BEGIN …-----` line),
 * or the path of a file holding it, read now. Throws a message naming `where` (never the file's content).
 */
export function readPem(where: string, value: string): string {
  if (PEM_BLOCK.test(value)) return value;
  let text: string;
  try {
    text = readFileSync(value, 'utf8');
  } catch (e) {
    throw new Error(`${where}: cannot read PEM file ${value}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  if (!PEM_BLOCK.test(text)) throw new Error(`${where}: ${value} holds no PEM block (-----BEGIN …-----)`);
  return text;
}
