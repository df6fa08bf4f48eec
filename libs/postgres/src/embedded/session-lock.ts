/**
 * Exclusive use of the single PGlite session by one connection at a time, granted in FIFO
 * order. A waiter can be withdrawn (its connection closed); it then gets `false`.
 */
export class SessionLock<Owner> {
  private holder: Owner | undefined;
  private readonly waiters: { owner: Owner; grant: (granted: boolean) => void }[] = [];

  isHeldBy(owner: Owner): boolean {
    return this.holder === owner;
  }

  acquire(owner: Owner): Promise<boolean> {
    if (this.holder === owner) return Promise.resolve(true);
    if (this.holder === undefined) {
      this.holder = owner;
      return Promise.resolve(true);
    }
    return new Promise((grant) => this.waiters.push({ owner, grant }));
  }

  /** Hands the session to the next waiter, if `owner` holds it. */
  release(owner: Owner): void {
    if (this.holder !== owner) return;
    const next = this.waiters.shift();
    this.holder = next?.owner;
    next?.grant(true);
  }

  withdraw(owner: Owner): void {
    const index = this.waiters.findIndex((waiter) => waiter.owner === owner);
    if (index >= 0) this.waiters.splice(index, 1)[0]?.grant(false);
  }
}
