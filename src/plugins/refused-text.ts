import type { GraphQLRequest } from '@apollo/server';

/**
 * Swaps a refused request's text for a constant document, in `requestDidStart`, so that Apollo never
 * parses or validates it; the refusal is then thrown from `didResolveOperation`. The APQ extension goes
 * too, so the placeholder is never registered under the refused text's hash.
 */
export function replaceRefusedText(request: GraphQLRequest, placeholder: string): void {
  request.query = placeholder;
  request.operationName = undefined;
  if (request.extensions && 'persistedQuery' in request.extensions) {
    const { persistedQuery: _persistedQuery, ...rest } = request.extensions;
    request.extensions = rest;
  }
}
