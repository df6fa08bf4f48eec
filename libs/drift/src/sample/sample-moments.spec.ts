import { distinctValueCount, populationStd } from './sample-moments';
import { sampleFromValueCounts, sampleFromValues } from './weighted-sample';

describe('sample moments', () => {
  it('computes the population standard deviation (ddof = 0) from counts', () => {
    expect(populationStd(sampleFromValueCounts([2, 4], [1, 1]))).toBe(1);
    expect(populationStd(sampleFromValues([5, 5, 5]))).toBe(0);
  });

  it('counts distinct values across both samples', () => {
    expect(distinctValueCount(sampleFromValues([1, 2, 2]), sampleFromValues([2, 3]))).toBe(3);
  });

  it('refuses the standard deviation of an empty sample', () => {
    expect(() => populationStd(sampleFromValues([]), 'reference')).toThrow('reference is empty');
  });
});
