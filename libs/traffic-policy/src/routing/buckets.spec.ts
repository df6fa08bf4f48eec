import fc from 'fast-check';
import { randomBucket, stickyBucket } from './buckets';

describe('stickyBucket', () => {
  it('maps every key to the same bucket in [0, 10000) on every call', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (key) => {
        const bucket = stickyBucket(key);
        expect(Number.isInteger(bucket) && bucket >= 0 && bucket < 10_000).toBe(true);
        expect(stickyBucket(key)).toBe(bucket);
      }),
    );
  });

  it('pins known keys to fixed buckets, so a release cannot silently reshuffle sticky callers', () => {
    expect(['user-1', 'user-2', 'alice', ''].map((key) => stickyBucket(key))).toEqual([
      stickyBucketOf('user-1'),
      stickyBucketOf('user-2'),
      stickyBucketOf('alice'),
      0,
    ]);
  });

  it('spreads sequential keys evenly: each tenth of the range gets 10% ± 1.5% of 20 000 keys', () => {
    const deciles = new Array<number>(10).fill(0);
    for (let i = 0; i < 20_000; i++) deciles[Math.floor(stickyBucket(`user-${i}`) / 1000)]! += 1;
    for (const count of deciles) expect(Math.abs(count / 20_000 - 0.1)).toBeLessThan(0.015);
  });

  it('draws shadow buckets independently of canary buckets for the same key', () => {
    let bothLow = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      if (stickyBucket(`k${i}`, 'canary') < 5000 && stickyBucket(`k${i}`, 'shadow') < 5000) bothLow += 1;
    }
    // Independent halves overlap in a quarter of the keys.
    expect(Math.abs(bothLow / n - 0.25)).toBeLessThan(0.015);
  });
});

describe('randomBucket', () => {
  it.each([
    [0, 0],
    [0.5, 5000],
    [0.99999, 9999],
  ])('maps a draw of %p to bucket %p', (draw, bucket) => {
    expect(randomBucket(() => draw)).toBe(bucket);
  });

  it.each([1, -0.1, Number.NaN, undefined])('rejects a draw of %p outside [0, 1)', (draw) => {
    expect(() => randomBucket(() => draw as number)).toThrow(
      /random\(\) must return a number in \[0, 1\), got/,
    );
  });
});

/** floor(h * 10000 / 2^32) of murmur3 hashes computed with an independent implementation (imurmurhash). */
function stickyBucketOf(key: string): number {
  const reference: Record<string, number> = {
    'user-1': 4_171_401_059,
    'user-2': 3_734_456_267,
    alice: 1_280_413_405,
  };
  return Math.floor((reference[key]! * 10_000) / 2 ** 32);
}
