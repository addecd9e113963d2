interface Running<V> {
  readonly instanceId: string;
  readonly promise: Promise<V>;
}

/**
 * In-flight coalescing: while a call for a key runs, later callers with the same key get its promise
 * instead of starting their own. The entry goes away when the call settles, so a failure is shared
 * only by those who were already waiting for it, never remembered.
 */
export class InFlight<V> {
  private readonly running = new Map<string, Running<V>>();

  /**
   * Join the running call for `key`, or start one with `start`. `onJoin` runs when the caller joined
   * instead of starting (for metrics).
   */
  run(key: string, instanceId: string, start: () => Promise<V>, onJoin?: () => void): Promise<V> {
    const existing = this.running.get(key);
    if (existing) {
      onJoin?.();
      return existing.promise;
    }
    const promise = start().finally(() => {
      // A `forget` may have replaced the entry with a newer call: only remove our own.
      if (this.running.get(key)?.promise === promise) this.running.delete(key);
    });
    this.running.set(key, { instanceId, promise });
    return promise;
  }

  /**
   * Stop handing out running calls of `instanceId` to new callers (after a mutation invalidated its
   * data: an answer read before the mutation must not be served to someone asking after it).
   */
  forget(instanceId: string): void {
    for (const [key, running] of this.running) if (running.instanceId === instanceId) this.running.delete(key);
  }

  get size(): number {
    return this.running.size;
  }
}
