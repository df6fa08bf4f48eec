import {
  type DriftPolicy,
  type DriftTestName,
  VALUE_COUNTS_MAX_DISTINCT,
  defaultDriftTest,
} from '@flywheel/drift';
import { DISTINCT_CAP, type NumericReference, type NumericSummary } from './feature-stats';

/**
 * How a numeric feature's current window is summarised for its test, cheapest exact form first:
 * - 'values': both sides have few distinct values: exact value/count samples, any test.
 * - 'ks-grid': KS against a stored reference sample: current counts on the reference's value
 *   grid, which preserve the KS statistic and p-value exactly (see ks-grid.ts).
 * - 'sketch': normed Wasserstein from quantile sketches and the reference's exact std.
 * - 'bins': PSI, Jensen-Shannon, chi-square or z on the reference's fixed bins.
 */
export type NumericMethod = 'values' | 'ks-grid' | 'sketch' | 'bins';

export interface NumericPlan {
  method: NumericMethod;
  /** Undefined for 'values': the exact samples let @flywheel/drift choose as Evidently does. */
  test?: DriftTestName;
  testSource: 'default' | 'override' | 'fallback';
}

/** The test and data form for a numeric feature, from the reference and the current summary. */
export function planNumericFeature(
  feature: string,
  reference: NumericReference,
  current: NumericSummary,
  policy: DriftPolicy,
): NumericPlan {
  const override = policy.features?.[feature]?.test;
  if (
    reference.sample !== undefined &&
    reference.distinct <= VALUE_COUNTS_MAX_DISTINCT &&
    current.distinct <= VALUE_COUNTS_MAX_DISTINCT
  ) {
    return { method: 'values', testSource: override === undefined ? 'default' : 'override' };
  }
  // Here one side has more than VALUE_COUNTS_MAX_DISTINCT (> 5) values: Evidently's numeric tests.
  const distinctValues = Math.max(reference.distinct, current.distinct, DISTINCT_CAP);
  const test =
    override ?? defaultDriftTest({ kind: 'numeric', referenceSize: reference.count, distinctValues });
  const testSource = override === undefined ? 'default' : 'override';
  if (test === 'ks') {
    if (reference.sample !== undefined) return { method: 'ks-grid', test, testSource };
    // A registry profile keeps bins and quantiles, not the sample KS needs.
    return { method: 'sketch', test: 'wasserstein', testSource: 'fallback' };
  }
  if (test === 'wasserstein') return { method: 'sketch', test, testSource };
  if (reference.bins === undefined) return { method: 'sketch', test: 'wasserstein', testSource: 'fallback' };
  return { method: 'bins', test, testSource };
}
