import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors/codes.js';

/** A subscribe refused by a subscription limit: RATE_LIMITED, since it may start once others have ended. */
export function limitError(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.RATE_LIMITED } });
}
