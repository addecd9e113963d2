import { ROOT_CONTEXT, type Context, type TextMapGetter, type TextMapSetter } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

/** W3C Trace Context (`traceparent`, `tracestate`): what clients send us and what we send upstreams. */
const propagator = new W3CTraceContextPropagator();

/** Apollo's HeaderMap (lower-cased names) or any map of header names to values. */
type HeaderLookup = { get(name: string): string | undefined; keys(): Iterable<string> };

const getter: TextMapGetter<HeaderLookup> = {
  get: (carrier, key) => carrier.get(key),
  keys: (carrier) => [...carrier.keys()],
};

const setter: TextMapSetter<Record<string, string>> = {
  set: (carrier, key, value) => {
    carrier[key] = value;
  },
};

/** The client's trace as a parent context; the root context when it sent none or a malformed one. */
export function extractClientContext(headers: HeaderLookup | undefined): Context {
  return headers === undefined ? ROOT_CONTEXT : propagator.extract(ROOT_CONTEXT, headers, getter);
}

/** Adds `traceparent` (and `tracestate`) for the span current in `context` to outgoing headers. */
export function injectTraceHeaders(context: Context, headers: Record<string, string>): void {
  propagator.inject(context, headers, setter);
}
