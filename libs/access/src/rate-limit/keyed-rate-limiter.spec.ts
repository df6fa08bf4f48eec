import { KeyedRateLimiter } from './keyed-rate-limiter';

function limiterAt(start: number, options: { ratePerSecond: number; burst?: number; maxKeys?: number }) {
  const clock = { now: start };
  const limiter = new KeyedRateLimiter({ ...options, now: () => clock.now });
  return { limiter, clock };
}

function takeMany(limiter: KeyedRateLimiter, key: string, count: number): boolean[] {
  return Array.from({ length: count }, () => limiter.take(key).allowed);
}

describe('KeyedRateLimiter', () => {
  it('admits a burst of twice the rate from an idle key, then refuses', () => {
    const { limiter } = limiterAt(0, { ratePerSecond: 5 });
    expect(takeMany(limiter, 'alice', 10).every(Boolean)).toBe(true);
    expect(limiter.take('alice')).toEqual({ allowed: false, retryAfterMs: 200 });
  });

  it('refills at the sustained rate as time passes', () => {
    const { limiter, clock } = limiterAt(0, { ratePerSecond: 5, burst: 1 });
    expect(limiter.take('alice').allowed).toBe(true);
    clock.now = 100;
    expect(limiter.take('alice')).toEqual({ allowed: false, retryAfterMs: 100 });
    clock.now = 200;
    expect(limiter.take('alice').allowed).toBe(true);
  });

  it('never saves up more than the burst, however long a key was idle', () => {
    const { limiter, clock } = limiterAt(0, { ratePerSecond: 2, burst: 3 });
    takeMany(limiter, 'alice', 3);
    clock.now = 3_600_000;
    expect(takeMany(limiter, 'alice', 4)).toEqual([true, true, true, false]);
  });

  it('keeps a bucket per key, so one busy caller does not slow another', () => {
    const { limiter } = limiterAt(0, { ratePerSecond: 1, burst: 1 });
    expect(limiter.take('alice').allowed).toBe(true);
    expect(limiter.take('alice').allowed).toBe(false);
    expect(limiter.take('bob').allowed).toBe(true);
  });

  it('refills nothing when the clock steps backwards', () => {
    const { limiter, clock } = limiterAt(10_000, { ratePerSecond: 1, burst: 1 });
    limiter.take('alice');
    clock.now = 5_000;
    expect(limiter.take('alice').allowed).toBe(false);
  });

  it('forgets refilled keys first when it tracks too many, keeping busy ones', () => {
    const { limiter, clock } = limiterAt(0, { ratePerSecond: 1, burst: 1, maxKeys: 3 });
    limiter.take('idle-1');
    limiter.take('idle-2');
    clock.now = 5_000;
    limiter.take('busy');
    limiter.take('newcomer');
    expect(limiter.size).toBe(2);
    expect(limiter.take('busy').allowed).toBe(false);
  });

  it('rejects a rate that is not positive', () => {
    expect(() => new KeyedRateLimiter({ ratePerSecond: 0, now: () => 0 })).toThrow(
      'ratePerSecond must be a positive number, got 0',
    );
  });
});
