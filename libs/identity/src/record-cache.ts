/**
 * A small TTL cache of lookups, at most `maxEntries` (oldest evicted first). It stores the
 * pending promise, so concurrent requests for one key share a single database round trip;
 * a failed lookup is dropped so the next request retries.
 */
export class RecordCache<V> {
  private readonly entries = new Map<string, { value: Promise<V>; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly nowMs: () => number,
  ) {}

  get(key: string, load: () => Promise<V>): { value: Promise<V>; cached: boolean } {
    const now = this.nowMs();
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > now) return { value: hit.value, cached: true };
    this.entries.delete(key);
    const value = load();
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    this.entries.set(key, { value, expiresAt: now + this.ttlMs });
    this.evictOverflow();
    return { value, cached: false };
  }

  /** Forgets one key at once, e.g. after this process revoked it. */
  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  private evictOverflow(): void {
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) return;
      this.entries.delete(key);
    }
  }
}
