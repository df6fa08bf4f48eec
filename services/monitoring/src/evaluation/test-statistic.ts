import {
  type CategoryCounts,
  type DriftTestName,
  type WeightedSample,
  alignCategories,
  alignValues,
  chiSquareTest,
  ksStatistic,
} from '@flywheel/drift';

/** What a feature's test compared: two samples, or two count maps. */
export type ComparedData =
  | { form: 'samples'; reference: WeightedSample; current: WeightedSample }
  | { form: 'counts'; reference: CategoryCounts; current: CategoryCounts };

/**
 * The test statistic behind a p-value, for reports: KS's D and chi-square's χ² (the p-value
 * alone cannot be turned back into them). Distances are their own statistic; for the z-test the
 * p-value is returned (its sign-free z is not exposed by @flywheel/drift).
 */
export function testStatistic(test: DriftTestName, score: number, data: ComparedData): number {
  if (test === 'ks' && data.form === 'samples') return ksStatistic(data.reference, data.current);
  if (test === 'chisquare') {
    const aligned =
      data.form === 'samples'
        ? alignValues(data.reference, data.current)
        : alignCategories(data.reference, data.current);
    return chiSquareTest(aligned.reference, aligned.current).statistic;
  }
  return score;
}
