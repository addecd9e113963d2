import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/errors/codes.js';
import { fromGlobalId, numericLocalId, toGlobalId } from '../../src/util/global-id.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

describe('global ids', () => {
  it('round-trips type, instance and local id', () => {
    const id = toGlobalId('CommvaultJob', 'cv-main', 1426069);
    expect(fromGlobalId(id)).toEqual({ typeName: 'CommvaultJob', instanceId: 'cv-main', localId: '1426069' });
  });

  it('is base64url of "<Type>:<instance>:<local>" (no padding, URL-safe)', () => {
    const id = toGlobalId('CommvaultClient', 'cs.eu_1', 2);
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(id, 'base64url').toString('utf8')).toBe('CommvaultClient:cs.eu_1:2');
  });

  it('keeps colons inside the local id', () => {
    const id = toGlobalId('CommvaultBackupset', 'cv', '2:3');
    expect(fromGlobalId(id).localId).toBe('2:3');
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'abc$def'],
    ['padding', `${toGlobalId('CommvaultJob', 'cv', 1)}=`],
    ['no separators', Buffer.from('CommvaultJob').toString('base64url')],
    ['missing local id', Buffer.from('CommvaultJob:cv:').toString('base64url')],
    ['missing instance', Buffer.from('CommvaultJob::1').toString('base64url')],
    ['bad type name', Buffer.from('Commvault Job:cv:1').toString('base64url')],
    ['bad instance id', Buffer.from('CommvaultJob:-cv:1').toString('base64url')],
  ])('rejects a malformed id (%s) with BAD_USER_INPUT', (_name, id) => {
    expect(codeOf(() => fromGlobalId(id))).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it('reads numeric local ids and refuses others', () => {
    expect(numericLocalId(fromGlobalId(toGlobalId('CommvaultJob', 'cv', 42)))).toBe(42);
    expect(numericLocalId(fromGlobalId(toGlobalId('CommvaultJob', 'cv', 'x1')))).toBeNull();
  });
});
