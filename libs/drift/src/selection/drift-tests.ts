/** The drift tests this library runs, by Evidently's names. */
export type DriftTestName = 'ks' | 'wasserstein' | 'psi' | 'jensenshannon' | 'chisquare' | 'z';

export type FeatureKind = 'numeric' | 'categorical';

export interface DriftTestDefinition {
  readonly name: DriftTestName;
  /** 'p-value': drift when the score is small; 'distance': drift when it is large. */
  readonly score: 'p-value' | 'distance';
  readonly defaultThreshold: number;
  /** The comparison Evidently's implementation of the test makes. */
  readonly isDrift: (score: number, threshold: number) => boolean;
}

const pValueAtMost = (score: number, threshold: number): boolean => score <= threshold;
const pValueBelow = (score: number, threshold: number): boolean => score < threshold;
const distanceAtLeast = (score: number, threshold: number): boolean => score >= threshold;

/**
 * Defaults and comparisons as in Evidently's stattests (p-value tests at 0.05, distances at
 * 0.1). Note the comparisons differ in strictness exactly as Evidently's do: KS drifts at
 * p ≤ 0.05, chi-square and z at p < 0.05, distances at ≥ 0.1.
 */
export const DRIFT_TESTS: Readonly<Record<DriftTestName, DriftTestDefinition>> = {
  ks: { name: 'ks', score: 'p-value', defaultThreshold: 0.05, isDrift: pValueAtMost },
  wasserstein: {
    name: 'wasserstein',
    score: 'distance',
    defaultThreshold: 0.1,
    isDrift: distanceAtLeast,
  },
  psi: { name: 'psi', score: 'distance', defaultThreshold: 0.1, isDrift: distanceAtLeast },
  jensenshannon: {
    name: 'jensenshannon',
    score: 'distance',
    defaultThreshold: 0.1,
    isDrift: distanceAtLeast,
  },
  chisquare: {
    name: 'chisquare',
    score: 'p-value',
    defaultThreshold: 0.05,
    isDrift: pValueBelow,
  },
  z: { name: 'z', score: 'p-value', defaultThreshold: 0.05, isDrift: pValueBelow },
};
