import fc from 'fast-check';
import { countPairArbitrary } from '../../test/arbitraries';
import { proportionZTest } from './proportion-z-test';

describe('proportionZTest', () => {
  it('returns 1 when both windows hold only the same single category', () => {
    expect(proportionZTest([10, 0], [7, 0])).toBe(1);
    expect(proportionZTest([0, 10], [0, 7])).toBe(1);
  });

  it('gives a two-sided p-value symmetric in which category counts as "first"', () => {
    expect(proportionZTest([40, 60], [55, 45])).toBeCloseTo(proportionZTest([60, 40], [45, 55]), 14);
    expect(proportionZTest([40, 60], [55, 45])).toBeLessThan(0.05);
  });

  it('stays in [0, 1] for any counts', () => {
    fc.assert(
      fc.property(countPairArbitrary, ([a, b]) => {
        const p = proportionZTest(a, b);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
      }),
    );
  });
});
