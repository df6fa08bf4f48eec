import { DriftInputError } from '../errors';
import { sampleFromValueCounts, sampleFromValues } from './weighted-sample';

describe('sampleFromValues', () => {
  it('reduces raw observations to ascending distinct values with counts', () => {
    const sample = sampleFromValues([3, 1, 2, 3, 1, 3]);
    expect(Array.from(sample.values)).toEqual([1, 2, 3]);
    expect(Array.from(sample.counts)).toEqual([2, 1, 3]);
    expect(sample.total).toBe(6);
  });

  it('accepts an empty array as an empty sample (statistics reject it later)', () => {
    expect(sampleFromValues([]).total).toBe(0);
  });

  it('rejects NaN and infinities, naming the position', () => {
    expect(() => sampleFromValues([1, NaN], 'age')).toThrow(
      new DriftInputError('age[1] is NaN; values must be finite numbers'),
    );
    expect(() => sampleFromValues(Float64Array.of(Infinity))).toThrow(/values\[0\] is Infinity/);
  });
});

describe('sampleFromValueCounts', () => {
  it('keeps sorted GROUP BY results as they are', () => {
    const sample = sampleFromValueCounts([0.5, 1.5, 2.5], [10, 20, 5]);
    expect(Array.from(sample.values)).toEqual([0.5, 1.5, 2.5]);
    expect(sample.total).toBe(35);
  });

  it('sorts unsorted pairs, merges duplicate values and drops zero counts', () => {
    const sample = sampleFromValueCounts([2, 1, 2, 5], [1, 4, 2, 0]);
    expect(Array.from(sample.values)).toEqual([1, 2]);
    expect(Array.from(sample.counts)).toEqual([4, 3]);
  });

  it('rejects mismatched lengths, negative and fractional counts with the field named', () => {
    expect(() => sampleFromValueCounts([1, 2], [1], 'reference')).toThrow(
      'reference: values has 2 entries but counts has 1',
    );
    expect(() => sampleFromValueCounts([1], [-1], 'reference')).toThrow(/reference\.counts\[0\] is -1/);
    expect(() => sampleFromValueCounts([1], [0.5])).toThrow(/counts must be non-negative integers/);
  });
});
