import { afterAll, beforeAll, beforeEach } from 'vitest';

// Tests read simulator answers field by field; a loose type keeps those reads short.
export type Json = Record<string, any>;

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed when the text is JSON, else undefined (HTML error pages, XML, empty bodies). */
  body: Json | undefined;
}

/** One HTTP call, keeping the raw text too: several tests assert on non-JSON error pages. */
export async function fetchAnswer(url: string, init: RequestInit): Promise<Answer> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: Json | undefined;
  try {
    body = JSON.parse(text) as Json;
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, text, body };
}

/** `GET /__sim/stats`, or POST to another control endpoint (`reset`, `faults`) with a JSON body. */
export async function control(sim: { origin: string }, path: string, body?: unknown): Promise<Json> {
  const res = await fetch(`${sim.origin}/__sim/${path}`, {
    method: path === 'stats' ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: path === 'stats' ? undefined : JSON.stringify(body ?? {}),
  });
  return (await res.json()) as Json;
}

/**
 * One simulator for a describe block: `start` runs once (it may also log in), the simulator closes
 * after the block, and every test starts with zeroed stats and no faults.
 */
export function useSimulator(start: () => Promise<{ reset(): void; close(): Promise<void> }>): void {
  let sim: { reset(): void; close(): Promise<void> } | undefined;
  beforeAll(async () => {
    sim = await start();
  });
  afterAll(async () => {
    await sim?.close();
  });
  beforeEach(() => {
    sim?.reset();
  });
}
