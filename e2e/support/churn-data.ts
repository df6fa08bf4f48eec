import { numericProfileOf, sampleFromValues } from '@flywheel/drift';
import type { registryV1 } from '@flywheel/contracts';

/** The churn model's inputs, standardized: N(0, 1) in the traffic the model was trained on. */
export const CHURN_FEATURES = ['tenure', 'monthly_charges', 'support_calls'] as const;

/** The process that labels customers: churn odds fall with tenure, rise with charges and calls. */
export const TRUE_CHURN_MODEL = {
  featureNames: [...CHURN_FEATURES],
  weights: [-1.2, 0.8, 0.9],
  bias: -0.3,
};

/** A seeded standard-normal generator (mulberry32 and Box-Muller), so every run sees the same data. */
export function gaussian(seed: number): () => number {
  const uniform = seededUniform(seed);
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

export function seededUniform(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Churn probability of a customer under `TRUE_CHURN_MODEL`. */
export function churnProbability(row: readonly number[]): number {
  const logit = row.reduce(
    (sum, x, i) => sum + x * (TRUE_CHURN_MODEL.weights[i] ?? 0),
    TRUE_CHURN_MODEL.bias,
  );
  return 1 / (1 + Math.exp(-logit));
}

/**
 * The reference profile a trainer registers with version 1: each feature N(0, 1) (20,000 rows),
 * profiled as `@flywheel/drift` profiles it.
 */
export function churnReferenceProfile(): registryV1.ReferenceProfile {
  const rows = 20_000;
  return {
    rowCount: rows,
    features: CHURN_FEATURES.map((name, index) => {
      const next = gaussian(1_000 + index);
      return {
        name,
        missingCount: 0,
        numeric: numericProfileOf(sampleFromValues(Array.from({ length: rows }, () => next()))),
      };
    }),
  };
}
