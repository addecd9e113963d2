import { describe, expect, it } from 'vitest';
import {
  compareValues,
  compileFilters,
  ERR,
  GrammarError,
  parseFilter,
  parseFilters,
  parseSort,
  type FieldInfo,
  type FieldValue,
} from '../../simulators/backupdr/filter-grammar.js';

const FIELDS: Record<string, FieldInfo> = {
  appname: { name: 'appname', kind: 'string' },
  id: { name: 'id', kind: 'long' },
  flags: { name: 'flags', kind: 'long' },
  consistencydate: { name: 'consistencydate', kind: 'date' },
  managed: { name: 'managed', kind: 'boolean' },
  jobclass: { name: 'jobclass', kind: 'enum', values: ['snapshot', 'OnVault'], codes: { '1': 'snapshot', '15': 'OnVault' } },
  clusterid: { name: 'clusterid', kind: 'long' },
};
const lookup = (name: string): FieldInfo | undefined => FIELDS[name];

type Row = Record<string, FieldValue>;
const ROWS: Row[] = [
  { appname: 'SmallDB', id: 1, flags: 5, consistencydate: 100, managed: true, jobclass: 'snapshot', clusterid: [10, 20] },
  { appname: 'bigdb', id: 2, flags: 2, consistencydate: 200, managed: false, jobclass: 'OnVault', clusterid: [10] },
  { appname: 'web', id: 3, flags: 0, consistencydate: 300, managed: true, jobclass: 'snapshot', clusterid: [30] },
  { appname: 'b|x', id: 4, flags: 8, consistencydate: null, managed: false, jobclass: 'OnVault', clusterid: [] },
];
const run = (...filters: string[]): number[] => {
  const test = compileFilters<Row>(parseFilters(filters, lookup), (f) => (r) => r[f]);
  return ROWS.filter(test).map((r) => r.id as number);
};
const codeOf = (fn: () => unknown): number | undefined => {
  try {
    fn();
  } catch (error) {
    if (error instanceof GrammarError) return error.errCode;
    throw error;
  }
  return undefined;
};

describe('backupdr filter grammar', () => {
  it('parses every operator', () => {
    expect(parseFilter('appname:==smalldb', lookup)).toMatchObject({ op: 'eq', value: 'smalldb' });
    expect(parseFilter('appname:=smalldb', lookup)).toMatchObject({ op: 'eq', value: 'smalldb' });
    expect(parseFilter('appname:=|small', lookup)).toMatchObject({ op: 'contains', value: 'small' });
    expect(parseFilter('id:>=2', lookup)).toMatchObject({ op: 'ge', value: 2 });
    expect(parseFilter('id:<=2', lookup)).toMatchObject({ op: 'le', value: 2 });
    expect(parseFilter('flags:=b4', lookup)).toMatchObject({ op: 'bitand', value: 4n });
    expect(parseFilter('appname:!=web', lookup)).toMatchObject({ op: 'ne', value: 'web' });
  });

  it('matches exactly in both spellings, case-sensitively for strings', () => {
    expect(run('appname:==bigdb')).toEqual([2]);
    expect(run('appname:=bigdb')).toEqual([2]);
    expect(run('appname:==BIGDB')).toEqual([]);
  });

  it('resolves the `=b` ambiguity by field type and prefers the real `==` spelling', () => {
    // A string has no bitwise operator: `:=bigdb` is the reference exact match of "bigdb".
    expect(run('appname:=bigdb')).toEqual([2]);
    // `:==|x` is an exact match of "|x", not contains; `:=|` is contains.
    expect(parseFilter('appname:==|x', lookup)).toMatchObject({ op: 'eq', value: '|x' });
    expect(run('appname:=||x')).toEqual([4]);
  });

  it('contains is case-insensitive and literal (no wildcards)', () => {
    expect(run('appname:=|DB')).toEqual([1, 2]);
    expect(run('appname:=|%')).toEqual([]);
    expect(run('appname:=|*')).toEqual([]);
  });

  it('unions repeated exact matches and ANDs different fields', () => {
    expect(run('appname:==SmallDB', 'appname:==bigdb')).toEqual([1, 2]);
    expect(run('appname:==SmallDB', 'appname:=bigdb', 'managed:==true')).toEqual([1]);
  });

  it('applies repeated :!= together', () => {
    expect(run('appname:!=web', 'appname:!=bigdb')).toEqual([1, 4]);
  });

  it('forms ranges from one :>= and one :<=; absent values never match a range', () => {
    expect(run('consistencydate:>=150', 'consistencydate:<=300')).toEqual([2, 3]);
    expect(run('consistencydate:<=1000')).toEqual([1, 2, 3]);
    expect(run('id:>=3', 'id:<=2')).toEqual([]);
  });

  it('bitwise-ands numbers and booleans', () => {
    expect(run('flags:=b4')).toEqual([1]);
    expect(run('flags:=b10')).toEqual([2, 4]);
    expect(run('managed:=b1')).toEqual([1, 3]);
    expect(run('managed:=btrue')).toEqual([1, 3]);
  });

  it('reads booleans case-insensitively, as AGMPowerCLI sends False', () => {
    expect(run('managed:==False')).toEqual([2, 4]);
    expect(run('managed:==1')).toEqual([1, 3]);
  });

  it('matches enums case-insensitively and by numeric code', () => {
    expect(run('jobclass:==onvault')).toEqual([2, 4]);
    expect(run('jobclass:==1')).toEqual([1, 3]);
    expect(run('jobclass:==1', 'jobclass:==15')).toEqual([1, 2, 3, 4]);
  });

  it('matches multi-valued fields when any value matches', () => {
    expect(run('clusterid:==10')).toEqual([1, 2]);
    expect(run('clusterid:==20')).toEqual([1]);
    expect(run('clusterid:!=10')).toEqual([3, 4]);
  });

  it('rejects malformed filters with the filter error code', () => {
    expect(codeOf(() => parseFilter('appname==x', lookup))).toBe(ERR.badFilter);
    expect(codeOf(() => parseFilter('nosuch:==x', lookup))).toBe(ERR.badFilter);
    expect(codeOf(() => parseFilter('app name:==x', lookup))).toBe(ERR.badFilter);
    expect(codeOf(() => parseFilter('appname:~x', lookup))).toBe(ERR.badFilter);
    expect(codeOf(() => parseFilter('appname:>=x', lookup))).toBe(ERR.badFilter);
    expect(codeOf(() => parseFilter('id:=|1', lookup))).toBe(ERR.badFilter);
    expect(codeOf(() => parseFilter('id:==abc', lookup))).toBe(ERR.badFilter);
    expect(codeOf(() => parseFilter('id:==1.5', lookup))).toBe(ERR.badFilter);
    expect(codeOf(() => parseFilter('id:==99999999999999999999', lookup))).toBe(ERR.badFilter);
    expect(codeOf(() => parseFilter('consistencydate:=b1', lookup))).toBe(ERR.badFilter);
    expect(codeOf(() => parseFilter('managed:==maybe', lookup))).toBe(ERR.badFilter);
    expect(codeOf(() => parseFilter('jobclass:==bogus', lookup))).toBe(ERR.badFilter);
    expect(codeOf(() => parseFilter('jobclass:=|snap', lookup))).toBe(ERR.badFilter);
    expect(codeOf(() => parseFilter('flags:=b-1', lookup))).toBe(ERR.badFilter);
  });

  it('rejects forbidden repetitions on one field', () => {
    expect(codeOf(() => parseFilters(['id:>=1', 'id:>=2'], lookup))).toBe(ERR.badFilter);
    expect(codeOf(() => parseFilters(['appname:=|a', 'appname:=|b'], lookup))).toBe(ERR.badFilter);
    expect(codeOf(() => parseFilters(['appname:==a', 'appname:!=b'], lookup))).toBe(ERR.badFilter);
    expect(codeOf(() => parseFilters(['id:==1', 'id:>=1'], lookup))).toBe(ERR.badFilter);
    expect(codeOf(() => parseFilters(['flags:=b1', 'flags:=b2'], lookup))).toBe(ERR.badFilter);
  });

  it('caps echoed values in messages', () => {
    try {
      parseFilter(`id:==${'9'.repeat(10_000)}`, lookup);
    } catch (error) {
      expect((error as Error).message.length).toBeLessThan(200);
    }
  });

  it('parses sort lists, case-insensitive direction, several parameters joined', () => {
    expect(parseSort(['id:desc,appname:ASC'], lookup).map((k) => [k.field.name, k.descending])).toEqual([['id', true], ['appname', false]]);
    expect(parseSort(['id:desc', 'appname:asc'], lookup)).toHaveLength(2);
    expect(codeOf(() => parseSort(['id'], lookup))).toBe(ERR.badSort);
    expect(codeOf(() => parseSort(['id:up'], lookup))).toBe(ERR.badSort);
    expect(codeOf(() => parseSort(['id:asc,'], lookup))).toBe(ERR.badSort);
    expect(codeOf(() => parseSort(['nosuch:asc'], lookup))).toBe(ERR.badSort);
  });

  it('compares numbers numerically, strings by code unit, absent last', () => {
    expect(compareValues(9, 10, 'long')).toBeLessThan(0);
    expect(compareValues('B', 'a', 'string')).toBeLessThan(0);
    expect(compareValues(undefined, 1, 'long')).toBeGreaterThan(0);
    expect(compareValues(false, true, 'boolean')).toBeLessThan(0);
  });
});
