import { DriftTestName, FeatureKind } from './drift-tests';

/** What Evidently's default test choice looks at. */
export interface FeatureFacts {
  kind: FeatureKind;
  /** Observations in the reference window. */
  referenceSize: number;
  /** Distinct values (or categories) across reference and current together. */
  distinctValues: number;
}

/** Reference windows of at most this many rows count as small data. */
export const SMALL_REFERENCE_MAX_ROWS = 1000;
/** Numeric features with at most this many distinct values are tested as categorical. */
export const NUMERIC_AS_CATEGORICAL_MAX_DISTINCT = 5;
/** Features with at most this many distinct values are binary. */
export const BINARY_MAX_DISTINCT = 2;

/**
 * Evidently's default test (`_get_default_stattest` in its stattests registry):
 *
 * | reference rows | numeric, > 5 distinct | numeric ≤ 5 distinct, or categorical |
 * |----------------|-----------------------|--------------------------------------|
 * | ≤ 1000         | ks                    | chisquare; z when ≤ 2 distinct       |
 * | > 1000         | wasserstein (normed)  | jensenshannon                        |
 */
export function defaultDriftTest(facts: FeatureFacts): DriftTestName {
  const categorical =
    facts.kind === 'categorical' || facts.distinctValues <= NUMERIC_AS_CATEGORICAL_MAX_DISTINCT;
  if (facts.referenceSize <= SMALL_REFERENCE_MAX_ROWS) {
    if (!categorical) return 'ks';
    return facts.distinctValues <= BINARY_MAX_DISTINCT ? 'z' : 'chisquare';
  }
  return categorical ? 'jensenshannon' : 'wasserstein';
}
