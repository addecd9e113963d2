import { GraphQLError, locatedError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/errors/codes.js';
import { GatewayError } from '../../src/errors/gateway-error.js';
import { withOrigin } from '../../src/datasources/pipeline/upstream-errors.js';
import { backgroundDeferred, isBackgroundDeferral, rateLimitedError } from '../../src/ratelimit/rate-limited-error.js';

describe('a collector call deferred for the callers’ reserve', () => {
  it('is told from a spent budget, though both are RATE_LIMITED, however the pipeline and GraphQL wrap it', () => {
    const deferred = backgroundDeferred();
    const spent = rateLimitedError(1_200);
    expect([deferred.code, spent.code]).toEqual([ErrorCode.RATE_LIMITED, ErrorCode.RATE_LIMITED]);
    expect(isBackgroundDeferral(deferred)).toBe(true);
    expect(isBackgroundDeferral(spent)).toBe(false);
    // The pipeline names the upstream (a new error, the deferral as its cause); execute() locates it.
    const named = withOrigin(deferred, { instance: 'cv-01' });
    expect(named).not.toBe(deferred);
    expect(isBackgroundDeferral(named)).toBe(true);
    expect(isBackgroundDeferral((locatedError(named, undefined, ['jobs']) as GraphQLError).originalError)).toBe(true);
    expect(isBackgroundDeferral(withOrigin(spent, { instance: 'cv-01' }))).toBe(false);
    // The same words from anywhere else are not a deferral.
    expect(isBackgroundDeferral(new GatewayError(ErrorCode.RATE_LIMITED, deferred.message))).toBe(false);
    expect(isBackgroundDeferral(undefined)).toBe(false);
  });
});
