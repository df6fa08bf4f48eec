import { invalidArgument } from './registry-error';

export interface Quantile {
  probability: number;
  value: number;
}

export interface NumericFeatureProfile {
  kind: 'numeric';
  name: string;
  missingCount: number;
  /** Strictly ascending; `binCounts` has one more entry (under- and overflow bins included). */
  binEdges: number[];
  binCounts: number[];
  quantiles: Quantile[];
  distinctCount: number;
}

export interface CategoricalFeatureProfile {
  kind: 'categorical';
  name: string;
  missingCount: number;
  frequencies: Record<string, number>;
}

export type FeatureProfile = NumericFeatureProfile | CategoricalFeatureProfile;

/** The training data's statistics that drift detection compares live windows with. */
export interface ReferenceProfile {
  rowCount: number;
  features: FeatureProfile[];
}

export const MAX_PROFILE_FEATURES = 10_000;
export const MAX_PROFILE_BINS = 10_000;
export const MAX_PROFILE_CATEGORIES = 100_000;

/**
 * Checks a profile is internally consistent, so monitoring can trust it: bins laid out as
 * `@flywheel/drift`'s `histogram` returns them, every feature accounting for every row
 * (binned or counted, plus missing), quantiles ordered.
 * @throws RegistryError (invalid_argument) naming the first offending field.
 */
export function assertReferenceProfile(profile: ReferenceProfile, field = 'reference_profile'): ReferenceProfile {
  count(profile.rowCount, `${field}.row_count`);
  if (profile.features.length === 0) throw invalidArgument(`${field}.features`, 'at least one feature is required');
  if (profile.features.length > MAX_PROFILE_FEATURES) {
    throw invalidArgument(`${field}.features`, `at most ${MAX_PROFILE_FEATURES} features, got ${profile.features.length}`);
  }
  const names = new Set<string>();
  profile.features.forEach((feature, index) => {
    const where = `${field}.features[${index}]`;
    if (!feature.name) throw invalidArgument(`${where}.name`, 'a feature name is required');
    if (names.has(feature.name)) throw invalidArgument(`${where}.name`, `duplicate feature ${JSON.stringify(feature.name)}`);
    names.add(feature.name);
    const counted = count(feature.missingCount, `${where}.missing_count`) + assertKind(feature, where);
    if (counted !== profile.rowCount) {
      throw invalidArgument(
        where,
        `feature ${JSON.stringify(feature.name)} accounts for ${counted} rows (counts plus missing_count), but row_count is ${profile.rowCount}`,
      );
    }
  });
  return profile;
}

/** Returns the rows the feature's counts cover. */
function assertKind(feature: FeatureProfile, where: string): number {
  switch (feature.kind) {
    case 'numeric':
      return assertNumeric(feature, `${where}.numeric`);
    case 'categorical':
      return assertCategorical(feature, `${where}.categorical`);
  }
}

function assertNumeric(feature: NumericFeatureProfile, where: string): number {
  const { binEdges, binCounts, quantiles } = feature;
  if (binEdges.length === 0 || binEdges.length > MAX_PROFILE_BINS) {
    throw invalidArgument(`${where}.bin_edges`, `expected 1-${MAX_PROFILE_BINS} edges, got ${binEdges.length}`);
  }
  binEdges.forEach((edge, i) => {
    if (!Number.isFinite(edge)) throw invalidArgument(`${where}.bin_edges[${i}]`, `must be finite, got ${edge}`);
    const previous = binEdges[i - 1];
    if (previous !== undefined && edge <= previous) {
      throw invalidArgument(`${where}.bin_edges[${i}]`, `edges must be strictly ascending (${edge} after ${previous})`);
    }
  });
  if (binCounts.length !== binEdges.length + 1) {
    throw invalidArgument(
      `${where}.bin_counts`,
      `expected ${binEdges.length + 1} counts (one per bin plus the under- and overflow bins), got ${binCounts.length}`,
    );
  }
  const total = binCounts.reduce((sum, value, i) => sum + count(value, `${where}.bin_counts[${i}]`), 0);
  quantiles.forEach((quantile, i) => {
    const at = `${where}.quantiles[${i}]`;
    if (!(quantile.probability >= 0 && quantile.probability <= 1)) {
      throw invalidArgument(`${at}.probability`, `must be within [0, 1], got ${quantile.probability}`);
    }
    if (!Number.isFinite(quantile.value)) throw invalidArgument(`${at}.value`, `must be finite, got ${quantile.value}`);
    const previous = quantiles[i - 1];
    if (previous && (quantile.probability <= previous.probability || quantile.value < previous.value)) {
      throw invalidArgument(at, 'quantiles must be ascending by probability with non-decreasing values');
    }
  });
  count(feature.distinctCount, `${where}.distinct_count`);
  return total;
}

function assertCategorical(feature: CategoricalFeatureProfile, where: string): number {
  const entries = Object.entries(feature.frequencies);
  if (entries.length > MAX_PROFILE_CATEGORIES) {
    throw invalidArgument(`${where}.frequencies`, `at most ${MAX_PROFILE_CATEGORIES} categories, got ${entries.length}`);
  }
  return entries.reduce((sum, [category, value]) => sum + count(value, `${where}.frequencies[${JSON.stringify(category)}]`), 0);
}

function count(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw invalidArgument(field, `expected a non-negative whole number, got ${value}`);
  }
  return value;
}
