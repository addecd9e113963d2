import { describe, expect, it } from 'vitest';
import { encodeQuery, queryPairs } from '../../src/datasources/pipeline/query.js';
import {
  countQuery,
  listQuery,
  MAX_VALUE_LENGTH,
  needsMetadata,
  parseListMetadata,
  validateListSpec,
  type FilterCondition,
  type ListSpec,
} from '../../src/datasources/backupdr/query-builder.js';
import { ErrorCode } from '../../src/errors/codes.js';

/** An OPTIONS answer in the console's shape (docs/upstreams/backupdr.md §3.4). */
const OPTIONS = {
  'GET(list)': {
    filterable: true,
    sortable: true,
    pageable: true,
    sortablefields: ['id', 'appname', 'syncdate'],
    filterablefields: [
      { field: 'id', type: 'Long' },
      { field: 'appname', type: 'String' },
      { field: 'managed', type: 'Boolean' },
      { field: 'syncdate', type: 'Long' },
      { field: 'status', type: 'Enum', values: ['queued', 'running', 'succeeded'] },
      { field: 'odd', type: 'Blob' },
    ],
  },
};
const meta = parseListMetadata(OPTIONS);

function codeOf(run: () => void): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

const check = (spec: ListSpec) => codeOf(() => validateListSpec('application', spec, meta));
const cond = (field: string, op: FilterCondition['op'], value: string): FilterCondition => ({ field, op, value });
/** The query string exactly as the pipeline sends it. */
const wire = (spec: ListSpec) => encodeQuery(queryPairs(listQuery(spec)));

describe('OPTIONS metadata', () => {
  it('reads filterable fields with their types and enum values, and the sortable fields', () => {
    expect(meta.filterable.get('appname')).toEqual({ name: 'appname', type: 'String' });
    expect(meta.filterable.get('status')?.values).toEqual(['queued', 'running', 'succeeded']);
    expect([...meta.sortable]).toEqual(['id', 'appname', 'syncdate']);
  });

  it('reads an empty or odd answer as "nothing filterable"', () => {
    expect(parseListMetadata(null).filterable.size).toBe(0);
    expect(parseListMetadata({ 'GET(list)': { filterablefields: [{ type: 'Long' }, 'x'] } }).filterable.size).toBe(0);
  });
});

describe('building the query', () => {
  it('sends every operator in the console spelling, one filter parameter each, in order', () => {
    const conditions = [
      cond('appname', 'EQ', 'db1'),
      cond('appname', 'EQ', 'db2'),
      cond('appname', 'NE', 'x'),
      cond('appname', 'CONTAINS', 'sql'),
      cond('syncdate', 'GE', '1'),
      cond('syncdate', 'LE', '2'),
      cond('managed', 'BITAND', 'true'),
    ];
    expect(listQuery({ conditions }).filter).toEqual([
      'appname:==db1',
      'appname:==db2',
      'appname:!=x',
      'appname:=|sql',
      'syncdate:>=1',
      'syncdate:<=2',
      'managed:=btrue',
    ]);
  });

  it('joins sort keys with commas, and uses the default order only when the caller gives none', () => {
    expect(listQuery({ sort: [{ field: 'appname', descending: false }, { field: 'id', descending: true }], defaultSort: 'x:asc' }).sort).toBe('appname:asc,id:desc');
    expect(listQuery({ defaultSort: 'startdate:desc,id:desc' }).sort).toBe('startdate:desc,id:desc');
  });

  it('puts paging on lists and leaves it (and sort) off counts, which the console ignores anyway', () => {
    const spec: ListSpec = { conditions: [cond('id', 'EQ', '5')], keyword: 'abc', sort: [{ field: 'id', descending: true }], offset: 40, limit: 20 };
    expect(wire(spec)).toBe('?filter=id%3A%3D%3D5&keyword=abc&sort=id%3Adesc&offset=40&limit=20');
    expect(encodeQuery(queryPairs(countQuery(spec)))).toBe('?filter=id%3A%3D%3D5&keyword=abc');
  });

  it('keeps a value holding &filter=, =, : or %26filter%3D inside its own parameter', () => {
    for (const value of ['x&filter=id:>=0', 'a=b', 'c:d', '%26filter%3Did%3A%3E%3D0', 'ü✓ 𝄞', '#frag', '+plus']) {
      const q = wire({ conditions: [cond('appname', 'EQ', value)], keyword: value });
      const params = new URLSearchParams(q.slice(1));
      expect(params.getAll('filter')).toEqual([`appname:==${value}`]);
      expect(params.getAll('keyword')).toEqual([value]);
      expect([...params.keys()].sort()).toEqual(['filter', 'keyword', 'offset']);
    }
  });

  it('needs metadata only for caller conditions or sort', () => {
    expect(needsMetadata({ keyword: 'x', defaultSort: 'id:asc', offset: 5 })).toBe(false);
    expect(needsMetadata({ conditions: [cond('id', 'EQ', '1')] })).toBe(true);
    expect(needsMetadata({ sort: [{ field: 'id', descending: false }] })).toBe(true);
  });
});

describe('validation against OPTIONS (BAD_USER_INPUT before any call)', () => {
  it('accepts fitting operators and values', () => {
    expect(check({ conditions: [cond('appname', 'CONTAINS', 'x'), cond('id', 'GE', '10'), cond('id', 'LE', '20'), cond('managed', 'EQ', 'TRUE'), cond('status', 'EQ', 'Running')] })).toBeUndefined();
    expect(check({ conditions: [cond('status', 'EQ', 'queued'), cond('status', 'EQ', 'running')] })).toBeUndefined();
    expect(check({ sort: [{ field: 'syncdate', descending: true }] })).toBeUndefined();
  });

  it('rejects fields OPTIONS does not list, for filters and for sort', () => {
    expect(check({ conditions: [cond('password', 'EQ', 'x')] })).toBe(ErrorCode.BAD_USER_INPUT);
    expect(check({ conditions: [cond('appname&filter=id', 'EQ', 'x')] })).toBe(ErrorCode.BAD_USER_INPUT);
    expect(check({ sort: [{ field: 'managed', descending: false }] })).toBe(ErrorCode.BAD_USER_INPUT);
    expect(check({ sort: [{ field: 'id:asc,appname', descending: false }] })).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it('rejects operators that do not fit the field type', () => {
    expect(check({ conditions: [cond('id', 'CONTAINS', '1')] })).toBe(ErrorCode.BAD_USER_INPUT);
    expect(check({ conditions: [cond('appname', 'GE', 'a')] })).toBe(ErrorCode.BAD_USER_INPUT);
    expect(check({ conditions: [cond('appname', 'BITAND', '1')] })).toBe(ErrorCode.BAD_USER_INPUT);
    expect(check({ conditions: [cond('managed', 'LE', 'true')] })).toBe(ErrorCode.BAD_USER_INPUT);
    expect(check({ conditions: [cond('status', 'CONTAINS', 'run')] })).toBe(ErrorCode.BAD_USER_INPUT);
    expect(check({ conditions: [cond('odd', 'GE', '1')] })).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it('rejects values that do not parse as the field type', () => {
    expect(check({ conditions: [cond('id', 'EQ', '1 OR 1=1')] })).toBe(ErrorCode.BAD_USER_INPUT);
    expect(check({ conditions: [cond('id', 'BITAND', '-1')] })).toBe(ErrorCode.BAD_USER_INPUT);
    expect(check({ conditions: [cond('managed', 'EQ', 'yes')] })).toBe(ErrorCode.BAD_USER_INPUT);
    expect(check({ conditions: [cond('status', 'EQ', 'exploded')] })).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it('rejects repetitions the console refuses', () => {
    expect(check({ conditions: [cond('appname', 'EQ', 'a'), cond('appname', 'CONTAINS', 'b')] })).toBe(ErrorCode.BAD_USER_INPUT);
    expect(check({ conditions: [cond('id', 'GE', '1'), cond('id', 'GE', '2')] })).toBe(ErrorCode.BAD_USER_INPUT);
    expect(check({ conditions: [cond('appname', 'NE', 'a'), cond('appname', 'NE', 'b')] })).toBeUndefined();
  });

  it('rejects 10 kB values and keywords, and lone surrogates, without echoing them', () => {
    const big = 'x'.repeat(10 * 1024);
    expect(check({ conditions: [cond('appname', 'EQ', big)] })).toBe(ErrorCode.BAD_USER_INPUT);
    expect(check({ keyword: big })).toBe(ErrorCode.BAD_USER_INPUT);
    expect(check({ keyword: 'x'.repeat(MAX_VALUE_LENGTH) })).toBeUndefined();
    expect(check({ conditions: [cond('appname', 'EQ', 'a\uD800b')] })).toBe(ErrorCode.BAD_USER_INPUT);
    try {
      validateListSpec('application', { conditions: [cond('appname', 'EQ', big)] }, meta);
    } catch (error) {
      expect((error as Error).message.length).toBeLessThan(200);
    }
  });
});
