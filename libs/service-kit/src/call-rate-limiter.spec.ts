import { KeyedRateLimiter, type Principal } from '@flywheel/access';
import { CallRateLimiter } from './call-rate-limiter';

const alice: Principal = { id: 'a', kind: 'api_key', role: 'admin', name: 'alice' };
const bob: Principal = { id: 'b', kind: 'api_key', role: 'admin', name: 'bob' };

describe('CallRateLimiter', () => {
  const limiter = () =>
    new CallRateLimiter(new KeyedRateLimiter({ ratePerSecond: 1, burst: 1, now: () => 0 }));

  it('limits mutating actions per principal', () => {
    const calls = limiter();
    expect(calls.delayFor('runs.write', alice)).toBeUndefined();
    expect(calls.delayFor('models.delete', alice)).toBe(1000);
    expect(calls.delayFor('runs.write', bob)).toBeUndefined();
  });

  it('never limits reads, predictions, public or forwarded routes', () => {
    const calls = limiter();
    for (const requirement of ['runs.read', 'inference.predict', 'public', 'forwarded', undefined] as const) {
      expect([1, 2, 3].map(() => calls.delayFor(requirement, alice))).toEqual([
        undefined,
        undefined,
        undefined,
      ]);
    }
  });

  it('is off when the configured rate is 0', () => {
    expect(CallRateLimiter.perSecond(0)).toBeUndefined();
    expect(CallRateLimiter.perSecond(5)).toBeInstanceOf(CallRateLimiter);
  });
});
