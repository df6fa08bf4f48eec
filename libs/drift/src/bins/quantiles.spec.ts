import { sampleFromValueCounts } from '../sample/weighted-sample';
import { quantiles } from './quantiles';

describe('quantiles', () => {
  it('interpolates between order statistics of a value/count sample as numpy does on the expanded sample', () => {
    // np.quantile([1, 1, 1, 4.], [0, 0.5, 0.9, 1]) prints exactly these.
    const sample = sampleFromValueCounts([1, 4], [3, 1]);
    expect(Array.from(quantiles(sample, [0, 0.5, 0.9, 1]))).toEqual([1, 1, 3.1000000000000005, 4]);
  });
});
