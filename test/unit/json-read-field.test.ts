import { describe, expect, it } from 'vitest';
import { field, path } from '../../src/datasources/json-read.js';

describe('field', () => {
  it('prefers an exact key, then finds the same key in another casing', () => {
    expect(field({ MountPathList: [1], mountPathList: [2] }, 'mountPathList')).toEqual([2]);
    expect(field({ MountPathList: [1] }, 'mountPathList')).toEqual([1]);
    expect(field({ BACKUPDESTINATIONS: 'x' }, 'backupDestinations')).toBe('x');
  });

  it('tries every exact name before any other casing', () => {
    expect(field({ ID: 1, name: 'n' }, 'id', 'name')).toBe('n');
    expect(field({ ID: 1 }, 'id', 'name')).toBe(1);
  });

  it('matches only letters by case: keys that differ in another character are different keys', () => {
    // '@' and '`', '[' and '{' differ by the same bit as upper and lower case letters.
    expect(field({ 'a@b': 1 }, 'a`b')).toBeUndefined();
    expect(field({ 'a[b': 1 }, 'a{b')).toBeUndefined();
    expect(field({ jobId: 1 }, 'jobIe')).toBeUndefined();
    expect(field({ jobIdx: 1 }, 'jobId')).toBeUndefined();
  });

  it('compares keys beyond ASCII by their lower case', () => {
    expect(field({ 'Größe': 5 }, 'größe')).toBe(5);
    expect(field({ 'ÉTAT': 'ok' }, 'état')).toBe('ok');
  });

  it('skips a key whose value is undefined and reads nothing from non-objects', () => {
    expect(field({ Status: undefined, STATUS: 'done' }, 'status')).toBe('done');
    expect(field(null, 'a')).toBeUndefined();
    expect(field([{ a: 1 }], 'a')).toBeUndefined();
    expect(field('text', 'length')).toBeUndefined();
  });

  it('follows a path of keys in any casing', () => {
    expect(path({ Client: { clientEntity: { ClientId: 7 } } }, 'client', 'clientEntity', 'clientId')).toBe(7);
    expect(path({ client: {} }, 'client', 'clientEntity', 'clientId')).toBeUndefined();
  });
});
