import fc from 'fast-check';
import { sampleArbitrary } from '../../test/arbitraries';
import { DriftInputError } from '../errors';
import { sampleFromValues } from '../sample/weighted-sample';
import { ksStatistic, ksTest } from './ks';

describe('ksTest', () => {
  it('finds no difference between a sample and itself: D = 0, p = 1', () => {
    const sample = sampleFromValues([1, 2, 2, 3, 10]);
    expect(ksTest(sample, sample)).toEqual({ statistic: 0, pValue: 1, method: 'exact' });
  });

  it('gives D = 1 and a tiny p-value for disjoint samples', () => {
    const result = ksTest(sampleFromValues([1, 2, 3, 4, 5, 6]), sampleFromValues([10, 11, 12, 13, 14, 15]));
    expect(result.statistic).toBe(1);
    expect(result.pValue).toBeCloseTo(2 / 924, 15); // 2 of the C(12, 6) orderings are that extreme.
  });

  it('resolves auto to asymp above 10 000 observations, and honours an explicit method', () => {
    const big = sampleFromValues(Array.from({ length: 10_001 }, (_, i) => i));
    expect(ksTest(big, sampleFromValues([1, 2, 3])).method).toBe('asymp');
    expect(ksTest(sampleFromValues([1, 2]), sampleFromValues([3]), 'asymp').method).toBe('asymp');
  });

  it('rejects empty samples by name', () => {
    expect(() => ksTest(sampleFromValues([]), sampleFromValues([1]))).toThrow(DriftInputError);
    expect(() => ksStatistic(sampleFromValues([1]), sampleFromValues([]))).toThrow('current is empty');
  });

  it('keeps D and p in [0, 1], symmetric in its arguments, for any samples', () => {
    fc.assert(
      fc.property(sampleArbitrary, sampleArbitrary, (a, b) => {
        const forward = ksTest(a, b);
        const backward = ksTest(b, a);
        expect(forward.statistic).toBeGreaterThanOrEqual(0);
        expect(forward.statistic).toBeLessThanOrEqual(1);
        expect(forward.pValue).toBeGreaterThanOrEqual(0);
        expect(forward.pValue).toBeLessThanOrEqual(1);
        expect(backward.statistic).toBeCloseTo(forward.statistic, 12);
        expect(backward.pValue).toBeCloseTo(forward.pValue, 12);
      }),
    );
  });

  it('gives the asymptotic p-value without NaN for any samples', () => {
    fc.assert(
      fc.property(sampleArbitrary, sampleArbitrary, (a, b) => {
        const { pValue } = ksTest(a, b, 'asymp');
        expect(pValue).toBeGreaterThanOrEqual(0);
        expect(pValue).toBeLessThanOrEqual(1);
      }),
    );
  });
});
