import { DriftInputError } from '../errors';
import { DEFAULT_DRIFT_SHARE, DriftPolicy, assertValidDriftPolicy } from '../selection/drift-policy';
import { FeatureDriftResult, evaluateFeatureDrift } from '../selection/feature-drift';
import { FeatureInput } from '../selection/feature-input';

export interface DatasetDriftSummary {
  driftedFeatures: number;
  totalFeatures: number;
  /** driftedFeatures / totalFeatures. */
  share: number;
  /** The share at or above which the dataset counts as drifted. */
  driftShare: number;
  drifted: boolean;
}

export interface DatasetDriftReport extends DatasetDriftSummary {
  features: FeatureDriftResult[];
}

/** Evidently's dataset drift rule: drifted when at least `driftShare` (default ½) of the features drift. */
export function datasetDrift(
  features: readonly Pick<FeatureDriftResult, 'drifted'>[],
  driftShare: number = DEFAULT_DRIFT_SHARE,
): DatasetDriftSummary {
  if (features.length === 0) throw new DriftInputError('dataset drift needs at least one feature result');
  if (!(driftShare > 0 && driftShare <= 1))
    throw new DriftInputError(`driftShare is ${driftShare}; expected (0, 1]`);
  const driftedFeatures = features.filter((feature) => feature.drifted).length;
  const share = driftedFeatures / features.length;
  return { driftedFeatures, totalFeatures: features.length, share, driftShare, drifted: share >= driftShare };
}

/** Evaluates every feature under `policy` (validated first) and applies the dataset rule. */
export function evaluateDatasetDrift(
  inputs: readonly FeatureInput[],
  policy: DriftPolicy = {},
): DatasetDriftReport {
  assertValidDriftPolicy(policy);
  const seen = new Set<string>();
  for (const input of inputs) {
    if (seen.has(input.name)) throw new DriftInputError(`feature "${input.name}" appears more than once`);
    seen.add(input.name);
  }
  const features = inputs.map((input) => evaluateFeatureDrift(input, policy));
  return { ...datasetDrift(features, policy.driftShare ?? DEFAULT_DRIFT_SHARE), features };
}
