import { alignCategories } from '../sample/category-counts';
import { distinctValueCount } from '../sample/sample-moments';
import { DriftInputError } from '../errors';
import { DRIFT_TESTS, DriftTestName, FeatureKind } from './drift-tests';
import { DriftPolicy, resolveBinning } from './drift-policy';
import { FeatureFacts, defaultDriftTest } from './test-selection';
import { computeDriftScore } from './drift-score';
import { FeatureInput } from './feature-input';

export interface FeatureDriftResult {
  feature: string;
  kind: FeatureKind;
  test: DriftTestName;
  /** Whether the test came from Evidently's default rules or the policy. */
  testSource: 'default' | 'override';
  /** p-value for 'ks', 'chisquare', 'z'; distance for 'wasserstein' (normed), 'psi', 'jensenshannon'. */
  scoreKind: 'p-value' | 'distance';
  score: number;
  threshold: number;
  drifted: boolean;
  referenceSize: number;
  currentSize: number;
}

/**
 * Picks the feature's test (policy override, else Evidently's default rules), computes its
 * score and compares it with the threshold. Input errors are rethrown naming the feature.
 */
export function evaluateFeatureDrift(input: FeatureInput, policy: DriftPolicy = {}): FeatureDriftResult {
  try {
    const facts = featureFacts(input);
    const override = policy.features?.[input.name];
    const test = override?.test ?? defaultDriftTest(facts);
    const definition = DRIFT_TESTS[test];
    const threshold = override?.threshold ?? policy.thresholds?.[test] ?? definition.defaultThreshold;
    const score = computeDriftScore(input, test, resolveBinning(policy, input.name));
    return {
      feature: input.name,
      kind: input.kind,
      test,
      testSource: override?.test === undefined ? 'default' : 'override',
      scoreKind: definition.score,
      score,
      threshold,
      drifted: definition.isDrift(score, threshold),
      referenceSize: facts.referenceSize,
      currentSize: facts.currentSize,
    };
  } catch (error) {
    if (error instanceof DriftInputError)
      throw new DriftInputError(`feature "${input.name}": ${error.message}`);
    throw error;
  }
}

function featureFacts(input: FeatureInput): FeatureFacts & { currentSize: number } {
  if (input.kind === 'numeric') {
    const distinctValues = distinctValueCount(input.reference, input.current);
    return {
      kind: 'numeric',
      referenceSize: input.reference.total,
      currentSize: input.current.total,
      distinctValues,
    };
  }
  const aligned = alignCategories(input.reference, input.current);
  return {
    kind: 'categorical',
    referenceSize: aligned.reference.reduce((sum, count) => sum + count, 0),
    currentSize: aligned.current.reduce((sum, count) => sum + count, 0),
    distinctValues: aligned.categories.length,
  };
}
