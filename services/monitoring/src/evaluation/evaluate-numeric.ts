import {
  DRIFT_TESTS,
  type DriftPolicy,
  type DriftTestName,
  MIN_NORMALIZING_STD,
  type WeightedSample,
  evaluateFeatureDrift,
  sampleFromValues,
  wassersteinDistance,
} from '@flywheel/drift';
import type { NumericReference, NumericSummary } from './feature-stats';
import type { MonitoredFeatureDrift } from './feature-result';
import { type KsGridCell, sampleOnReferenceGrid } from './ks-grid';
import { testStatistic } from './test-statistic';
import type { NumericPlan } from './numeric-plan';

/** The current window's data for one numeric feature, in the form its plan asked for. */
export interface NumericCurrent {
  summary: NumericSummary;
  values?: WeightedSample;
  ksGrid?: readonly KsGridCell[];
  bins?: readonly number[];
}

/** Runs the planned test on one numeric feature. @throws Error when the plan's data is missing. */
export function evaluateNumericFeature(
  feature: string,
  reference: NumericReference,
  current: NumericCurrent,
  plan: NumericPlan,
  policy: DriftPolicy,
): MonitoredFeatureDrift {
  switch (plan.method) {
    case 'values': {
      const data = {
        form: 'samples' as const,
        reference: required(reference.sample, feature, 'reference sample'),
        current: required(current.values, feature, 'value counts'),
      };
      const result = evaluateFeatureDrift({ name: feature, kind: 'numeric', ...data }, policy);
      return { ...result, method: 'values', statistic: testStatistic(result.test, result.score, data) };
    }
    case 'ks-grid': {
      const sample = required(reference.sample, feature, 'reference sample');
      const grid = sampleOnReferenceGrid(sample, required(current.ksGrid, feature, 'KS grid counts'));
      const result = evaluateFeatureDrift(
        { name: feature, kind: 'numeric', reference: sample, current: grid },
        pinTest(policy, feature, 'ks'),
      );
      const statistic = testStatistic('ks', result.score, {
        form: 'samples',
        reference: sample,
        current: grid,
      });
      return { ...result, method: 'ks-grid', testSource: plan.testSource, statistic };
    }
    case 'bins': {
      const bins = required(reference.bins, feature, 'reference bins');
      const currentBins = required(current.bins, feature, 'bin counts');
      const data = { form: 'counts' as const, reference: binMap(bins.counts), current: binMap(currentBins) };
      const result = evaluateFeatureDrift(
        { name: feature, kind: 'categorical', reference: data.reference, current: data.current },
        pinTest(policy, feature, plan.test ?? 'psi'),
      );
      const statistic = testStatistic(result.test, result.score, data);
      return { ...result, kind: 'numeric', method: 'bins', testSource: plan.testSource, statistic };
    }
    case 'sketch':
      return normedWassersteinFromSketches(feature, reference, current.summary, plan, policy);
  }
}

/**
 * W₁ between two distributions is ∫₀¹ |Q_ref(p) − Q_cur(p)| dp; with both sides sketched at the
 * same equal-mass probabilities it is the mean absolute difference of the sketch points, which
 * is what `wassersteinDistance` returns for two equal-weight samples. Normalised by the
 * reference's exact standard deviation (floored at MIN_NORMALIZING_STD, as Evidently).
 */
function normedWassersteinFromSketches(
  feature: string,
  reference: NumericReference,
  current: NumericSummary,
  plan: NumericPlan,
  policy: DriftPolicy,
): MonitoredFeatureDrift {
  const distance = wassersteinDistance(
    sampleFromValues(reference.sketch, `${feature} reference sketch`),
    sampleFromValues(current.sketch, `${feature} current sketch`),
  );
  const score = distance / Math.max(reference.std, MIN_NORMALIZING_STD);
  const threshold = resolveThreshold(policy, feature, 'wasserstein');
  return {
    feature,
    kind: 'numeric',
    test: 'wasserstein',
    testSource: plan.testSource,
    scoreKind: 'distance',
    score,
    threshold,
    drifted: DRIFT_TESTS.wasserstein.isDrift(score, threshold),
    referenceSize: reference.count,
    currentSize: current.count,
    method: 'sketch',
    statistic: score,
  };
}

/** Feature override, then the model's per-test threshold, then the test's default. */
export function resolveThreshold(policy: DriftPolicy, feature: string, test: DriftTestName): number {
  return (
    policy.features?.[feature]?.threshold ?? policy.thresholds?.[test] ?? DRIFT_TESTS[test].defaultThreshold
  );
}

function pinTest(policy: DriftPolicy, feature: string, test: DriftTestName): DriftPolicy {
  return { ...policy, features: { ...policy.features, [feature]: { ...policy.features?.[feature], test } } };
}

function binMap(counts: readonly number[]): Map<string, number> {
  return new Map(counts.map((count, bin) => [String(bin), count]));
}

function required<T>(value: T | undefined, feature: string, what: string): T {
  if (value === undefined) throw new Error(`feature "${feature}": ${what} missing for its drift test`);
  return value;
}
