import type { WeightedSample } from '../sample/weighted-sample';
import { DEFAULT_BIN_COUNT, fixedBins } from './fixed-bins';
import { histogram } from './histogram';
import { quantiles } from './quantiles';

/** Percentile levels of a profile: 0, 0.01, …, 1. */
export const PROFILE_QUANTILE_LEVELS: readonly number[] = Array.from({ length: 101 }, (_, i) => i / 100);

/**
 * A numeric feature's reference profile, in the shape of the registry's `NumericProfile`:
 * what drift detection compares live windows against.
 */
export interface NumericProfile {
  binEdges: number[];
  binCounts: number[];
  quantiles: { probability: number; value: number }[];
  distinctCount: number;
}

/**
 * The profile of a reference sample as monitoring reads it back: quantile bin edges
 * (`fixedBins`, `nBins` bins), the sample's counts laid out as `histogram` lays them out
 * (underflow, each bin, overflow: `binEdges.length + 1` entries), the percentiles at
 * `PROFILE_QUANTILE_LEVELS`, and the number of distinct values.
 * @throws DriftInputError for an empty sample.
 */
export function numericProfileOf(sample: WeightedSample, nBins: number = DEFAULT_BIN_COUNT): NumericProfile {
  const edges = fixedBins(sample, nBins);
  const values = quantiles(sample, PROFILE_QUANTILE_LEVELS);
  return {
    binEdges: Array.from(edges),
    binCounts: Array.from(histogram(sample, edges)),
    quantiles: PROFILE_QUANTILE_LEVELS.map((probability, i) => ({ probability, value: values[i]! })),
    distinctCount: sample.values.length,
  };
}
