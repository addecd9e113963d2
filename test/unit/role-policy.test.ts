import { createHash } from 'node:crypto';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { DEFAULT_ROLE_POLICIES, type RolePolicy } from '../../src/config/schema.js';
import { classifyOperation } from '../../src/persisted/operation-source.js';
import { TrustedDocuments } from '../../src/persisted/trusted-documents.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const TEXT = 'query Listed { upstreams { id } }';
const HASH = sha256(TEXT);
const trusted = new TrustedDocuments([{ id: `sha256:${HASH}`, hash: HASH, text: TEXT, document: parse(TEXT), operationName: 'Listed' }]);
const { partner, frontend, analyst } = DEFAULT_ROLE_POLICIES;
const pq = (hash: string) => ({ persistedHash: hash, persistedVersion: 1 });

const kindOf = (request: Parameters<typeof classifyOperation>[0], policy: RolePolicy) => {
  const source = classifyOperation(request, policy, trusted);
  return source.kind === 'refused' ? `${source.code}/${source.reason}` : source.kind;
};

describe('role policy defaults', () => {
  it('gives partners only the safelist, frontends free text and APQ, analysts introspection too', () => {
    const config = parseConfig({ upstreams: [{ id: 'cv', kind: 'commvault', url: 'http://cv.test/api', username: 'u', password: 'p' }] }, {});
    expect(config.roles).toEqual({
      partner: { freeQueries: false, apq: false, introspection: false },
      frontend: { freeQueries: true, apq: true, introspection: false },
      analyst: { freeQueries: true, apq: true, introspection: true },
      admin: { freeQueries: true, apq: true, introspection: true },
    });
  });

  it('fills a partly configured role from that role’s own defaults', () => {
    const config = parseConfig(
      {
        upstreams: [{ id: 'cv', kind: 'commvault', url: 'http://cv.test/api', username: 'u', password: 'p' }],
        roles: { frontend: { freeQueries: false }, partner: { maxDepth: 6 } },
      },
      {},
    );
    expect(config.roles.frontend).toEqual({ freeQueries: false, apq: true, introspection: false });
    expect(config.roles.partner).toEqual({ freeQueries: false, apq: false, introspection: false, maxDepth: 6 });
  });
});

describe('classifyOperation', () => {
  it('runs a manifest document by id (sha256:<hex> or bare hex) or by APQ hash, for every role', () => {
    for (const policy of [partner, frontend, analyst]) {
      expect(kindOf({ documentId: `sha256:${HASH}` }, policy)).toBe('trusted');
      expect(kindOf({ documentId: HASH }, policy)).toBe('trusted');
      expect(kindOf(pq(HASH), policy)).toBe('trusted');
      expect(kindOf({ query: TEXT, ...pq(HASH) }, policy)).toBe('trusted');
    }
  });

  it('refuses partners free text (even the exact manifest text) and hashes outside the manifest', () => {
    expect(kindOf({ query: TEXT }, partner)).toBe('OPERATION_NOT_ALLOWED/free_query');
    expect(kindOf({ query: '{ x }' }, partner)).toBe('OPERATION_NOT_ALLOWED/free_query');
    expect(kindOf(pq(sha256('{ x }')), partner)).toBe('OPERATION_NOT_ALLOWED/not_trusted');
    expect(kindOf({ query: '{ x }', ...pq(sha256('{ x }')) }, partner)).toBe('OPERATION_NOT_ALLOWED/apq');
  });

  it('leaves free text and APQ to Apollo for roles that allow them', () => {
    expect(kindOf({ query: '{ x }' }, frontend)).toBe('free');
    expect(kindOf(pq(sha256('{ x }')), frontend)).toBe('apq');
    expect(kindOf({ query: '{ x }', ...pq(sha256('{ x }')) }, analyst)).toBe('apq');
    expect(kindOf({}, frontend)).toBe('none');
  });

  it('behaves like a server without APQ for a role with free text but no APQ', () => {
    const noApq = { ...frontend, apq: false };
    expect(kindOf(pq(sha256('{ x }')), noApq)).toBe('BAD_USER_INPUT/apq');
    expect(classifyOperation(pq(sha256('{ x }')), noApq, trusted)).toMatchObject({ message: 'PersistedQueryNotSupported', status: 200 });
    expect(classifyOperation({ query: '{ x }', ...pq(sha256('{ x }')) }, noApq, trusted)).toEqual({ kind: 'free', unregistered: true });
    expect(kindOf(pq(HASH), noApq)).toBe('trusted');
  });

  it('answers malformed persisted-operation requests with BAD_USER_INPUT or PERSISTED_QUERY_NOT_FOUND', () => {
    expect(kindOf({ documentId: 42 }, frontend)).toBe('BAD_USER_INPUT/malformed');
    expect(kindOf({ documentId: HASH, query: TEXT }, frontend)).toBe('BAD_USER_INPUT/malformed');
    expect(kindOf({ documentId: 'sha256:nope' }, partner)).toBe('PERSISTED_QUERY_NOT_FOUND/unknown_document');
    expect(kindOf({ query: '{ x }', ...pq(HASH) }, frontend)).toBe('BAD_USER_INPUT/malformed');
    expect(kindOf({ persistedHash: HASH, persistedVersion: 2 }, frontend)).toBe('BAD_USER_INPUT/malformed');
  });
});
