/**
 * Wakes idle consumer loops when something changes (records appended, members joining or leaving,
 * a consumer closing), so they wait without polling. Take `next()` before checking for work:
 * a change between the check and the wait then still wakes the loop.
 */
export class ChangeSignal {
  private waiter?: { promise: Promise<void>; resolve: () => void };

  next(): Promise<void> {
    if (!this.waiter) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.waiter = { promise, resolve };
    }
    return this.waiter.promise;
  }

  notify(): void {
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.resolve();
  }
}
