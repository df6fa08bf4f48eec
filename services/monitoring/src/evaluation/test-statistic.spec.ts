import { chiSquareTest, ksTest, sampleFromValues } from '@flywheel/drift';
import { testStatistic } from './test-statistic';

describe('testStatistic', () => {
  const reference = sampleFromValues([1, 2, 2, 3, 4, 5, 5, 6]);
  const current = sampleFromValues([2, 3, 3, 4, 6, 7, 8]);

  it("gives KS's D for KS", () => {
    const { statistic, pValue } = ksTest(reference, current);
    expect(testStatistic('ks', pValue, { form: 'samples', reference, current })).toBeCloseTo(statistic, 15);
  });

  it('gives chi-square on category counts and on value counts', () => {
    const counts = {
      reference: new Map([
        ['a', 30],
        ['b', 10],
      ]),
      current: new Map([
        ['a', 12],
        ['b', 20],
        ['c', 3],
      ]),
    };
    const expected = chiSquareTest([30, 10, 0], [12, 20, 3]).statistic;
    expect(testStatistic('chisquare', 0.01, { form: 'counts', ...counts })).toBeCloseTo(expected, 12);
    expect(testStatistic('chisquare', 0.5, { form: 'samples', reference, current })).toBeGreaterThan(0);
  });

  it('returns distances as they are', () => {
    expect(testStatistic('wasserstein', 0.37, { form: 'samples', reference, current })).toBe(0.37);
  });
});
