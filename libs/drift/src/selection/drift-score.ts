import { fixedBins } from '../bins/fixed-bins';
import { histogram } from '../bins/histogram';
import { AlignedCounts, alignCategories, alignValues } from '../sample/category-counts';
import { chiSquareTest } from '../statistics/chi-square';
import { jensenShannonDistance } from '../statistics/jensen-shannon';
import { ksTest } from '../statistics/ks';
import { proportionZTest } from '../statistics/proportion-z-test';
import { psi } from '../statistics/psi';
import { normedWassersteinDistance } from '../statistics/wasserstein';
import { BinningOptions } from './drift-policy';
import { DriftTestName } from './drift-tests';
import { FeatureInput, NumericFeatureInput } from './feature-input';
import { DriftInputError } from '../errors';

/** Numeric references with at most this many distinct values are compared value by value (Evidently's PSI/JS rule). */
export const VALUE_COUNTS_MAX_DISTINCT = 20;

/** The score of `test` for one feature: a p-value or a distance, see DRIFT_TESTS. */
export function computeDriftScore(
  input: FeatureInput,
  test: DriftTestName,
  bins: Required<BinningOptions>,
): number {
  switch (test) {
    case 'ks': {
      const numeric = requireNumeric(input, test);
      return ksTest(numeric.reference, numeric.current).pValue;
    }
    case 'wasserstein': {
      const numeric = requireNumeric(input, test);
      return normedWassersteinDistance(numeric.reference, numeric.current);
    }
    case 'psi': {
      const counts = distributionCounts(input, bins);
      return psi(counts.reference, counts.current);
    }
    case 'jensenshannon': {
      const counts = distributionCounts(input, bins);
      return jensenShannonDistance(counts.reference, counts.current);
    }
    case 'chisquare': {
      const counts = categoryCounts(input);
      return chiSquareTest(counts.reference, counts.current).pValue;
    }
    case 'z': {
      const counts = categoryCounts(input);
      return proportionZTest(counts.reference, counts.current);
    }
  }
}

function requireNumeric(input: FeatureInput, test: DriftTestName): NumericFeatureInput {
  if (input.kind !== 'numeric')
    throw new DriftInputError(`test '${test}' needs a numeric feature, not a categorical one`);
  return input;
}

/** Counts per category; numeric values become categories (chi-square and z on few distinct values). */
function categoryCounts(input: FeatureInput): AlignedCounts {
  return input.kind === 'numeric'
    ? alignValues(input.reference, input.current)
    : alignCategories(input.reference, input.current);
}

/**
 * Counts for PSI and Jensen-Shannon. Numeric features with many distinct reference values
 * are binned on edges fixed by the reference (Evidently re-derives Sturges bins from both
 * windows each time; fixed edges keep windows comparable and let ClickHouse do the counting).
 */
function distributionCounts(
  input: FeatureInput,
  bins: Required<BinningOptions>,
): { reference: Float64Array; current: Float64Array } {
  if (input.kind === 'categorical' || input.reference.values.length <= VALUE_COUNTS_MAX_DISTINCT) {
    return categoryCounts(input);
  }
  const edges = fixedBins(input.reference, bins.count, bins.strategy);
  return { reference: histogram(input.reference, edges), current: histogram(input.current, edges) };
}
