import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { sha256Hex } from '../util/sha256.js';

/** Where `npm run codegen` writes the manifest (client preset, `persistedDocuments`), from the package root. */
export const DEFAULT_MANIFEST_PATH = fileURLToPath(
  new URL('../generated/operations/persisted-documents.json', import.meta.url),
);

const ID = /^sha256:([0-9a-f]{64})$/;
const HEX = /^[0-9a-f]{64}$/;

/** A manifest that cannot be served: names the entry and what is wrong. Stops the start. */
export class TrustedDocumentsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TrustedDocumentsError';
  }
}

/** One reviewed operation of the safelist. */
export interface TrustedDocument {
  /** `sha256:<hex>`, the id partners send as `documentId`. */
  readonly id: string;
  /** The SHA-256 hex of `text`: what Apollo Client's persisted-query link sends as `sha256Hash`. */
  readonly hash: string;
  readonly text: string;
  /** `text` parsed (and validated) once at start: the executor compiles it without parsing it again. */
  readonly document: DocumentNode;
  /** The operation's name, for logs and messages. */
  readonly operationName?: string;
}

/**
 * The trusted documents (safelist) from the codegen manifest, looked up by `sha256:<hex>` id or by
 * bare hex hash. Built once at start; read-only afterwards.
 */
export class TrustedDocuments {
  private readonly byHash: ReadonlyMap<string, TrustedDocument>;

  constructor(documents: Iterable<TrustedDocument>) {
    this.byHash = new Map([...documents].map((d) => [d.hash, d]));
  }

  /** By `documentId` as partners send it: `sha256:<hex>`, or the bare hex. */
  byId(documentId: string): TrustedDocument | undefined {
    const hash = ID.exec(documentId)?.[1] ?? (HEX.test(documentId) ? documentId : undefined);
    return hash === undefined ? undefined : this.byHash.get(hash);
  }

  /** By the APQ `sha256Hash` (bare hex). */
  byHashHex(hash: string): TrustedDocument | undefined {
    return this.byHash.get(hash);
  }

  get size(): number {
    return this.byHash.size;
  }

  /** Every document of the safelist. */
  values(): IterableIterator<TrustedDocument> {
    return this.byHash.values();
  }
}

/**
 * Reads the manifest and checks every entry: the id is `sha256:` + the SHA-256 of the text (so an id and
 * an APQ hash name the same document), and the text parses and validates against the schema the gateway
 * serves. A document that no longer validates would fail for the partner at every call; failing the
 * start instead puts the message in front of whoever deployed the schema change.
 *
 * @throws TrustedDocumentsError naming the entry and the first problem found.
 */
export async function loadTrustedDocuments(path: string, schema: GraphQLSchema): Promise<TrustedDocuments> {
  const where = `trusted documents (${path})`;
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(resolve(path), 'utf8'));
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new TrustedDocumentsError(`${where}: cannot read the manifest (${reason}); run \`npm run codegen\``);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new TrustedDocumentsError(`${where}: expected an object { "sha256:<hex>": "<document>" }`);
  }
  const documents: TrustedDocument[] = [];
  for (const [id, text] of Object.entries(raw)) {
    documents.push(checkEntry(where, id, text, schema));
  }
  return new TrustedDocuments(documents);
}

function checkEntry(where: string, id: string, text: unknown, schema: GraphQLSchema): TrustedDocument {
  const hash = ID.exec(id)?.[1];
  if (!hash) throw new TrustedDocumentsError(`${where}: "${id}" is not an id of the form sha256:<64 hex digits>`);
  if (typeof text !== 'string') throw new TrustedDocumentsError(`${where}: ${id}: the document must be a string`);
  if (sha256Hex(text) !== hash) {
    throw new TrustedDocumentsError(`${where}: ${id}: the id is not the SHA-256 of its document; run \`npm run codegen\``);
  }
  let document;
  try {
    document = parse(text);
  } catch (e) {
    throw new TrustedDocumentsError(`${where}: ${id}: does not parse: ${(e as Error).message}`);
  }
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition');
  const operationName = operation?.kind === 'OperationDefinition' ? operation.name?.value : undefined;
  const errors = validate(schema, document, specifiedRules);
  if (errors.length > 0) {
    throw new TrustedDocumentsError(
      `${where}: ${id} (${operationName ?? 'anonymous operation'}) no longer validates against the schema: ` +
        `${errors.map((e) => e.message).join('; ')}. Fix the operation in operations/ (or the schema), ` +
        'run `npm run codegen`, review and deploy again',
    );
  }
  return { id, hash, text, document, operationName };
}
