import fc from 'fast-check';
import { countPairArbitrary } from '../../test/arbitraries';
import { chiSquareTest } from './chi-square';

describe('chiSquareTest', () => {
  it('computes Σ(O - E)²/E over the 2×k table with k - 1 degrees of freedom', () => {
    // Expected counts are 15/15/15 per row; each cell is off by 5.
    const result = chiSquareTest([10, 15, 20], [20, 15, 10]);
    expect(result.dof).toBe(2);
    expect(result.statistic).toBeCloseTo((4 * 25) / 15, 12);
    expect(result.pValue).toBeCloseTo(Math.exp(-result.statistic / 2), 12); // chi2(2) survival is e^{-x/2}.
  });

  it("applies Yates' correction for one degree of freedom unless disabled", () => {
    const corrected = chiSquareTest([10, 20], [20, 10]);
    const plain = chiSquareTest([10, 20], [20, 10], { yatesCorrection: false });
    expect(plain.statistic).toBeCloseTo((4 * 25) / 15, 12);
    expect(corrected.statistic).toBeCloseTo((4 * 4.5 ** 2) / 15, 12);
  });

  it('treats a category absent from the reference as evidence, and one category as no test (p = 1)', () => {
    expect(chiSquareTest([50, 50, 0], [30, 30, 40]).pValue).toBeLessThan(1e-9);
    expect(chiSquareTest([10, 0], [4, 0])).toEqual({ statistic: 0, pValue: 1, dof: 0 });
  });

  it('keeps the statistic non-negative and the p-value in [0, 1]', () => {
    fc.assert(
      fc.property(countPairArbitrary, ([a, b]) => {
        const { statistic, pValue } = chiSquareTest(a, b);
        expect(statistic).toBeGreaterThanOrEqual(0);
        expect(pValue).toBeGreaterThanOrEqual(0);
        expect(pValue).toBeLessThanOrEqual(1);
      }),
    );
  });
});
