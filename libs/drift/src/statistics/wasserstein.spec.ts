import fc from 'fast-check';
import { sampleArbitrary } from '../../test/arbitraries';
import { sampleFromValueCounts, sampleFromValues } from '../sample/weighted-sample';
import { normedWassersteinDistance, wassersteinDistance } from './wasserstein';

describe('wassersteinDistance', () => {
  it('is the mean shift when a distribution moves rigidly', () => {
    expect(wassersteinDistance(sampleFromValues([0, 1, 2]), sampleFromValues([5, 6, 7]))).toBe(5);
  });

  it('weights values by their counts', () => {
    // Three quarters of the mass moves from 0 to 1.
    expect(wassersteinDistance(sampleFromValueCounts([0], [4]), sampleFromValueCounts([0, 1], [1, 3]))).toBe(
      0.75,
    );
  });

  it('normalises by the reference standard deviation, floored at 0.001 for a constant reference', () => {
    expect(normedWassersteinDistance(sampleFromValues([0, 2]), sampleFromValues([1, 3]))).toBe(1);
    expect(normedWassersteinDistance(sampleFromValues([1, 1]), sampleFromValues([1.001]))).toBeCloseTo(1, 9);
  });

  it('rejects an empty sample', () => {
    expect(() => wassersteinDistance(sampleFromValues([1]), sampleFromValues([]))).toThrow(
      'current is empty',
    );
  });

  it('is a non-negative, symmetric distance that is zero on identical samples', () => {
    fc.assert(
      fc.property(sampleArbitrary, sampleArbitrary, (a, b) => {
        const distance = wassersteinDistance(a, b);
        expect(distance).toBeGreaterThanOrEqual(0);
        expect(Math.abs(distance - wassersteinDistance(b, a))).toBeLessThanOrEqual(
          1e-9 * Math.max(1, distance),
        );
        expect(wassersteinDistance(a, a)).toBe(0);
        expect(Number.isFinite(normedWassersteinDistance(a, b))).toBe(true);
      }),
    );
  });
});
