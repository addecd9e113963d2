import type { FormattedExecutionResult } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** What one subscription saw: every `next` payload, and how it ended. */
export interface Received {
  results: Array<FormattedExecutionResult<Record<string, any>, unknown>>;
  /** Set when the server answered with an `error` message (or the socket closed under it). */
  error?: unknown;
  /** Resolves when the subscription completed or failed. */
  done: Promise<void>;
  /** Resolves at the first `next` (or when it ends first). */
  first: Promise<void>;
  /** Unsubscribes (a `complete` message to the server). */
  stop(): void;
}

export interface WsClient {
  readonly client: Client;
  subscribe(query: string, variables?: Record<string, unknown>, extra?: Record<string, unknown>): Received;
  /** Resolves with the close code once the socket closes. */
  readonly closed: Promise<number>;
  /** Resolves once the server acknowledged `connection_init`. */
  readonly connected: Promise<void>;
  dispose(): Promise<void>;
}

/** A graphql-ws client of the gateway (`ws://…/graphql`), authenticated on `connection_init`; no retries. */
export function wsClient(httpUrl: string, apiKey: string | null): WsClient {
  let onClosed!: (code: number) => void;
  let onConnected!: () => void;
  const closed = new Promise<number>((resolve) => (onClosed = resolve));
  const connected = new Promise<void>((resolve) => (onConnected = resolve));
  const client = createClient({
    url: `${httpUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: apiKey === null ? {} : { authorization: `Bearer ${apiKey}` },
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => {},
    on: {
      connected: () => onConnected(),
      closed: (event) => onClosed((event as { code: number }).code),
    },
  });
  return {
    client,
    closed,
    connected,
    subscribe(query, variables = {}, extra = {}) {
      let firstSeen!: () => void;
      const received: Received = { results: [], done: Promise.resolve(), first: new Promise<void>((resolve) => (firstSeen = resolve)), stop: () => {} };
      received.done = new Promise<void>((resolve) => {
        received.stop = client.subscribe<Record<string, any>>(
          { query, variables, ...extra },
          {
            next: (value) => {
              received.results.push(value);
              firstSeen();
            },
            error: (error) => {
              received.error = error;
              firstSeen();
              resolve();
            },
            complete: () => {
              firstSeen();
              resolve();
            },
          },
        );
      });
      return received;
    },
    dispose: () => client.dispose() as Promise<void>,
  };
}
