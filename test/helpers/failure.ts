import type { GatewayError } from '../../src/errors/gateway-error.js';

/** The error `p` rejects with; a test fails if it resolves. */
export async function failure(p: Promise<unknown>): Promise<GatewayError> {
  try {
    await p;
  } catch (error) {
    return error as GatewayError;
  }
  throw new Error('expected a failure');
}
