import { sampleFromValueCounts, sampleFromValues } from '../sample/weighted-sample';
import { histogram } from './histogram';

describe('histogram', () => {
  const edges = Float64Array.of(0, 1, 2);

  it('counts underflow, [e_i, e_i+1) bins with the last one closed, and overflow', () => {
    const counts = histogram(sampleFromValues([-5, 0, 0.5, 1, 1.5, 2, 2.5]), edges);
    expect(Array.from(counts)).toEqual([1, 2, 3, 1]);
  });

  it('adds value counts, so a GROUP BY result bins like the raw sample', () => {
    const counts = histogram(sampleFromValueCounts([0.5, 3], [10, 2]), edges);
    expect(Array.from(counts)).toEqual([0, 10, 0, 2]);
  });

  it('rejects edges that are too few or not strictly ascending', () => {
    expect(() => histogram(sampleFromValues([1]), Float64Array.of(1))).toThrow('edges has 1 entries');
    expect(() => histogram(sampleFromValues([1]), Float64Array.of(1, 1))).toThrow(/strictly ascending/);
  });
});
