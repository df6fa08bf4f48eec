import { sampleFromValues } from '../sample/weighted-sample';
import { fixedBins } from './fixed-bins';

describe('fixedBins', () => {
  const reference = sampleFromValues(Array.from({ length: 101 }, (_, i) => i));

  it('places quantile edges at numpy linear quantiles (deciles by default), bit for bit', () => {
    // np.quantile(np.arange(101.), np.linspace(0, 1, 11)) prints exactly these.
    const numpy = [0, 10, 20, 30.000000000000004, 40, 50, 60.00000000000001, 70, 80, 90, 100];
    expect(Array.from(fixedBins(reference))).toEqual(numpy);
  });

  it('splits the reference range evenly for equal-width bins', () => {
    expect(Array.from(fixedBins(sampleFromValues([0, 1, 4]), 4, 'equal-width'))).toEqual([0, 1, 2, 3, 4]);
  });

  it('merges duplicate quantile edges when ties dominate, leaving fewer bins', () => {
    const tied = sampleFromValues([
      ...Array<number>(90).fill(0),
      ...Array.from({ length: 10 }, (_, i) => i + 1),
    ]);
    expect(Array.from(fixedBins(tied, 10))).toEqual([0, 0.10000000000000853, 10]);
  });

  it('gives a constant reference the single bin [v - 0.5, v + 0.5]', () => {
    expect(Array.from(fixedBins(sampleFromValues([7, 7, 7])))).toEqual([6.5, 7.5]);
  });

  it('rejects an empty reference and a non-positive bin count', () => {
    expect(() => fixedBins(sampleFromValues([]))).toThrow('reference is empty');
    expect(() => fixedBins(reference, 0)).toThrow('nBins is 0; it must be a positive integer');
  });
});
