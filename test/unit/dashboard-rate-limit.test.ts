import { describe, expect, it } from 'vitest';
import { askPatiently, retryAfterMs } from '../../dashboard/rate-limit.js';

const refusal = (wait: number) => ({ errors: [{ message: 'budget', extensions: { code: 'RATE_LIMITED', retryAfterMs: wait } }] });

describe("the dashboard's rate-limit handling", () => {
  it('reads the advised wait only when every error is RATE_LIMITED', () => {
    expect(retryAfterMs(refusal(7033))).toBe(7033);
    expect(retryAfterMs(undefined)).toBeUndefined();
    expect(retryAfterMs({ errors: [...refusal(10).errors, { message: 'down', extensions: { code: 'UPSTREAM_ERROR' } }] })).toBeUndefined();
    expect(retryAfterMs({ errors: [{ message: 'no wait given', extensions: { code: 'RATE_LIMITED' } }] })).toBeUndefined();
  });

  it('asks again after each advised wait and returns the first answer that is not a refusal', async () => {
    const answers = [{ error: refusal(5) }, { error: refusal(3) }, { data: 'estate', error: undefined }];
    const waits: number[] = [];
    const result = await askPatiently(async () => answers.shift()!, (ms) => waits.push(ms));
    expect(result).toEqual({ data: 'estate', error: undefined });
    expect(waits).toEqual([5, 3]);
  });

  it('gives the last refusal back after the allowed attempts', async () => {
    let asked = 0;
    const result = await askPatiently(async () => ({ error: refusal(1), asked: ++asked }), () => {}, 2);
    expect(result.asked).toBe(2);
    expect(retryAfterMs(result.error)).toBe(1);
  });

  it('does not ask again after another error', async () => {
    let asked = 0;
    const other = { errors: [{ message: 'no', extensions: { code: 'UNAUTHENTICATED' } }] };
    await askPatiently(async () => ({ error: other, asked: ++asked }), () => {});
    expect(asked).toBe(1);
  });
});
