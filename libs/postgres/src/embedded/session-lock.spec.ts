import { SessionLock } from './session-lock';

describe('SessionLock', () => {
  it('grants the session at once when free and again to its holder', async () => {
    const lock = new SessionLock<string>();
    await expect(lock.acquire('a')).resolves.toBe(true);
    await expect(lock.acquire('a')).resolves.toBe(true);
    expect(lock.isHeldBy('a')).toBe(true);
  });

  it('hands the session over to waiters in arrival order', async () => {
    const lock = new SessionLock<string>();
    await lock.acquire('a');
    const order: string[] = [];
    const waiters = ['b', 'c'].map((owner) => lock.acquire(owner).then(() => order.push(owner)));
    lock.release('a');
    await waiters[0];
    expect(lock.isHeldBy('b')).toBe(true);
    lock.release('b');
    await waiters[1];
    expect(order).toEqual(['b', 'c']);
  });

  it('ignores a release by a connection that does not hold the session', async () => {
    const lock = new SessionLock<string>();
    await lock.acquire('a');
    lock.release('b');
    expect(lock.isHeldBy('a')).toBe(true);
  });

  it('answers false to a withdrawn waiter and skips it', async () => {
    const lock = new SessionLock<string>();
    await lock.acquire('a');
    const withdrawn = lock.acquire('b');
    const next = lock.acquire('c');
    lock.withdraw('b');
    await expect(withdrawn).resolves.toBe(false);
    lock.release('a');
    await expect(next).resolves.toBe(true);
    expect(lock.isHeldBy('c')).toBe(true);
  });
});
