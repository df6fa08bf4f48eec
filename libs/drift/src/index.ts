export { DriftInputError } from './errors';

export { type WeightedSample, sampleFromValues, sampleFromValueCounts } from './sample/weighted-sample';
export { populationStd, distinctValueCount } from './sample/sample-moments';
export {
  type CategoryCounts,
  type AlignedCounts,
  alignCategories,
  alignValues,
} from './sample/category-counts';

export { type BinStrategy, DEFAULT_BIN_COUNT, fixedBins } from './bins/fixed-bins';
export { histogram } from './bins/histogram';
export { quantiles } from './bins/quantiles';
export { type NumericProfile, PROFILE_QUANTILE_LEVELS, numericProfileOf } from './bins/numeric-profile';

export { psi } from './statistics/psi';
export { type KsMethod, type KsResult, ksTest, ksStatistic } from './statistics/ks';
export {
  MIN_NORMALIZING_STD,
  wassersteinDistance,
  normedWassersteinDistance,
} from './statistics/wasserstein';
export { jensenShannonDistance } from './statistics/jensen-shannon';
export { type ChiSquareOptions, type ChiSquareResult, chiSquareTest } from './statistics/chi-square';
export { proportionZTest } from './statistics/proportion-z-test';

export { chiSquareSf, normalSf } from './special/distributions';
export { regularizedGammaP, regularizedGammaQ } from './special/incomplete-gamma';
export { logGamma } from './special/log-gamma';
export { kolmogorovSf } from './special/kolmogorov/kolmogorov-sf';
export { smirnovSf } from './special/kolmogorov/smirnov';

export {
  DRIFT_TESTS,
  type DriftTestDefinition,
  type DriftTestName,
  type FeatureKind,
} from './selection/drift-tests';
export {
  BINARY_MAX_DISTINCT,
  type FeatureFacts,
  NUMERIC_AS_CATEGORICAL_MAX_DISTINCT,
  SMALL_REFERENCE_MAX_ROWS,
  defaultDriftTest,
} from './selection/test-selection';
export {
  type BinningOptions,
  DEFAULT_DRIFT_SHARE,
  type DriftPolicy,
  type FeatureDriftOverride,
  assertValidDriftPolicy,
} from './selection/drift-policy';
export type { CategoricalFeatureInput, FeatureInput, NumericFeatureInput } from './selection/feature-input';
export { type FeatureDriftResult, evaluateFeatureDrift } from './selection/feature-drift';
export { VALUE_COUNTS_MAX_DISTINCT } from './selection/drift-score';

export {
  type DatasetDriftReport,
  type DatasetDriftSummary,
  datasetDrift,
  evaluateDatasetDrift,
} from './decisions/dataset-drift';
export {
  INITIAL_RETRAIN_STATE,
  type RetrainDecision,
  type RetrainHysteresisConfig,
  type RetrainHysteresisState,
  type RetrainStep,
  nextRetrainStep,
} from './decisions/hysteresis';
export type {
  CanaryGuardrails,
  CanaryObservation,
  CanaryVerdict,
  DeploymentHealth,
  GuardrailBreach,
  GuardrailName,
} from './decisions/canary-guardrails';
export { evaluateCanaryGuardrails } from './decisions/canary-guardrails';
