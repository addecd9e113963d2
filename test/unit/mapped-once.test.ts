import { describe, expect, it } from 'vitest';
import { MappedOnce } from '../../src/datasources/mapped-once.js';

describe('MappedOnce', () => {
  it('maps one answer once per mapper and hands every reader the same frozen value', () => {
    const mapped = new MappedOnce();
    const answer = { clients: [{ id: 1 }, { id: 2 }] };
    let calls = 0;
    const toIds = (body: unknown) => {
      calls += 1;
      return (body as typeof answer).clients.map((c) => ({ id: c.id }));
    };
    const first = mapped.map(answer, toIds);
    const second = mapped.map(answer, toIds);
    expect(second).toBe(first);
    expect(calls).toBe(1);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first[0])).toBe(true);
    expect(() => (first as Array<{ id: number }>).push({ id: 3 })).toThrow(TypeError);
  });

  it('keeps mappers of the same answer apart, and maps a new answer afresh', () => {
    const mapped = new MappedOnce();
    const answer = { n: 2 };
    const double = (b: unknown) => (b as { n: number }).n * 2;
    const square = (b: unknown) => (b as { n: number }).n ** 2;
    expect(mapped.map(answer, double)).toBe(4);
    expect(mapped.map(answer, square)).toBe(4);
    expect(mapped.map({ n: 3 }, square)).toBe(9);
  });

  it('hands the mapper the answer\'s upstream, still mapping once per answer and mapper', () => {
    const mapped = new MappedOnce();
    const answer = { ids: [1, 2] };
    const up = Object.freeze({ id: 'cv-a', kind: 'COMMVAULT' });
    let calls = 0;
    const toRecords = (body: unknown, upstream: typeof up) => {
      calls += 1;
      return (body as typeof answer).ids.map((id) => ({ id, upstream }));
    };
    const first = mapped.map(answer, toRecords, up);
    expect(mapped.map(answer, toRecords, up)).toBe(first);
    expect(calls).toBe(1);
    expect(first.every((r) => r.upstream === up)).toBe(true);
  });

  it('maps non-object answers (an empty body) every time without keeping them', () => {
    const mapped = new MappedOnce();
    let calls = 0;
    const count = () => ++calls;
    mapped.map('', count);
    mapped.map('', count);
    expect(calls).toBe(2);
  });
});
