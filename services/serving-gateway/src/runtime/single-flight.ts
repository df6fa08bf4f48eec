/**
 * At most one run of a piece of work per key at a time: a caller that asks while one runs gets
 * that run's promise (its result or its failure) instead of starting another. The key is free
 * again once the run settles, so the next caller starts afresh.
 */
export class SingleFlight<K, V> {
  private readonly running = new Map<K, Promise<V>>();

  run(key: K, work: () => Promise<V>): Promise<V> {
    let pending = this.running.get(key);
    if (!pending) {
      pending = work().finally(() => this.running.delete(key));
      this.running.set(key, pending);
    }
    return pending;
  }

  /** Keys with a run under way. */
  get size(): number {
    return this.running.size;
  }
}
