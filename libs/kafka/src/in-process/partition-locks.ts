/**
 * One holder at a time per key (group + topic + partition). After a rebalance the new owner of a
 * partition waits here until the old owner has finished and committed its in-flight batch, then
 * reads from that commit: no record is handled by two members at once or skipped.
 */
export class PartitionLocks {
  private readonly tails = new Map<string, Promise<void>>();

  async run<R>(key: string, work: () => Promise<R>): Promise<R> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => held);
    this.tails.set(key, tail);
    await previous;
    try {
      return await work();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
