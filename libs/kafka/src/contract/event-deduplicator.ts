/**
 * Consumer-side deduplication for at-least-once topics whose events carry a unique id (for
 * example `RegistryEvent.eventId`, the registry's outbox row id): `firstDelivery(id)` is true
 * the first time an id is seen and false for its redeliveries. Memory is bounded: the oldest
 * ids are forgotten beyond `capacity`, so size it above the redelivery window (a crashed
 * producer republishes at most its last unacknowledged batch). Not persistent: after a restart,
 * make the handler's effect idempotent or persist the last id per key.
 */
export class EventDeduplicator {
  private readonly seen = new Set<string>();

  constructor(private readonly capacity = 100_000) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) {
      throw new Error(`EventDeduplicator capacity must be a positive integer, got ${capacity}`);
    }
  }

  firstDelivery(eventId: string): boolean {
    if (this.seen.has(eventId)) return false;
    this.seen.add(eventId);
    if (this.seen.size > this.capacity) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    return true;
  }

  get size(): number {
    return this.seen.size;
  }
}
