/**
 * When an upstream that answered 429 will take calls again (epoch ms), from `Retry-After` (delta
 * seconds or an HTTP date, RFC 9110 §10.2.3) or else Commvault Cloud's `X-RateLimit-Period` (seconds
 * to wait). Undefined when neither header is usable. `headers` has lower-cased names.
 */
export function retryAtMs(headers: Record<string, string>, nowMs: number): number | undefined {
  const retryAfter = headers['retry-after']?.trim();
  if (retryAfter) {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return nowMs + Number(retryAfter) * 1000;
    const dateMs = Date.parse(retryAfter);
    if (!Number.isNaN(dateMs)) return Math.max(nowMs, dateMs);
  }
  const period = headers['x-ratelimit-period']?.trim();
  if (period && /^\d+(\.\d+)?$/.test(period)) return nowMs + Number(period) * 1000;
  return undefined;
}
