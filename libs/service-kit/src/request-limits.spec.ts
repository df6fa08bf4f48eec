import { RequestLimits } from './request-limits';

describe('RequestLimits.clampPageSize', () => {
  const limits = new RequestLimits({
    maxRequestBytes: 1024,
    maxPageSize: 100,
    rateLimitPerSecond: 10,
    requestTimeoutMs: 1000,
  });

  it('keeps a requested size within the limit', () => {
    expect(limits.clampPageSize(25)).toBe(25);
  });

  it('caps a requested size above the limit', () => {
    expect(limits.clampPageSize(5_000)).toBe(100);
  });

  it('uses the fallback, capped, when nothing usable was asked for', () => {
    expect(limits.clampPageSize(undefined, 20)).toBe(20);
    expect(limits.clampPageSize(0, 20)).toBe(20);
    expect(limits.clampPageSize(-3)).toBe(100);
    expect(limits.clampPageSize(Number.NaN, 500)).toBe(100);
  });
});
