import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { getMainDefinition } from '@apollo/client/utilities';
import type { DocumentNode } from 'graphql';
import { createClient, type Client as WsClient } from 'graphql-ws';
import { Observable } from 'rxjs';

/**
 * The manifest id codegen put on each typed document (`__meta__.hash`, `sha256:<hex>`), as a bare hex hash.
 * Hashing our own printing of the document would name no manifest entry (graphql-js prints differently).
 */
function manifestHash(document: DocumentNode): string {
  const hash = (document as { __meta__?: { hash?: string } }).__meta__?.hash;
  if (!hash) throw new Error('not a generated document: no __meta__.hash (run `npm run codegen`)');
  return hash.replace(/^sha256:/, '');
}

/**
 * Subscriptions over graphql-ws, hash only like the HTTP requests: `query` stays empty and
 * `extensions.persistedQuery` names the trusted document. (Apollo's GraphQLWsLink would send the text.)
 */
class PersistedWsLink extends ApolloLink {
  constructor(private readonly ws: WsClient) {
    super();
  }

  override request(operation: ApolloLink.Operation): Observable<ApolloLink.Result> {
    const payload = {
      query: '',
      operationName: operation.operationName,
      variables: operation.variables,
      extensions: { persistedQuery: { version: 1, sha256Hash: manifestHash(operation.query) } },
    };
    return new Observable((observer) => this.ws.subscribe(payload, observer));
  }
}

// Every query answers what it has plus the errors (one upstream down blanks its own part only): declared so
// that results are typed with `error` beside possibly partial `data`.
declare module '@apollo/client' {
  export namespace ApolloClient {
    export namespace DeclareDefaultOptions {
      interface Query {
        errorPolicy: 'all';
      }
    }
  }
}

export interface DashboardClient {
  readonly apollo: ApolloClient;
  /** Closes the WebSocket (a new key makes a new client). */
  dispose(): void;
}

/**
 * Apollo Client as a frontend team would set it up against the gateway: every operation is a trusted
 * document sent by hash (`PersistedQueryLink` never falls back to the text: `retry` and `disable` say no),
 * queries over HTTP, subscriptions over WebSocket on the same path.
 *
 * `no-cache`: the trusted documents are sent exactly as reviewed, so answers carry no `__typename`, and
 * InMemoryCache needs one on every object to normalise it and to match `... on CommvaultJob` fragments on
 * interfaces (without it those fields silently go missing). The page refreshes whole, so it loses nothing.
 */
export function createDashboardClient(graphqlPath: string, apiKey: string): DashboardClient {
  const authorization = `Bearer ${apiKey}`;
  const wsOrigin = `${window.location.protocol === 'https:' ? 'wss:' : 'ws:'}//${window.location.host}`;
  const ws = createClient({ url: `${wsOrigin}${graphqlPath}`, connectionParams: { authorization }, lazy: true });
  const http = ApolloLink.from([
    new PersistedQueryLink({ generateHash: manifestHash, retry: () => false, disable: () => false }),
    new HttpLink({ uri: graphqlPath, headers: { authorization } }),
  ]);
  const isSubscription = (operation: ApolloLink.Operation) => {
    const definition = getMainDefinition(operation.query);
    return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
  };
  const apollo = new ApolloClient({
    link: ApolloLink.split(isSubscription, new PersistedWsLink(ws), http),
    cache: new InMemoryCache(),
    defaultOptions: { query: { fetchPolicy: 'no-cache', errorPolicy: 'all' } },
  });
  return {
    apollo,
    dispose() {
      void ws.dispose();
      apollo.stop();
    },
  };
}
