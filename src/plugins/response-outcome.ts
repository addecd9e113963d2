import type { GraphQLFormattedError } from 'graphql';

/** `ok` (no errors), `partial` (data and errors) or `error` (errors, no data). */
export type Outcome = 'ok' | 'partial' | 'error';

/** What one operation's response came to: its public error codes in order, and its outcome. */
export function responseOutcome(result: { data?: unknown; errors?: readonly GraphQLFormattedError[] } | undefined): { codes: string[]; outcome: Outcome } {
  const codes = (result?.errors ?? []).map(codeOf);
  const outcome = codes.length === 0 ? 'ok' : result?.data != null ? 'partial' : 'error';
  return { codes, outcome };
}

function codeOf(error: GraphQLFormattedError): string {
  const code = error.extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}
