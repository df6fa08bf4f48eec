import { registryV1 } from '@flywheel/contracts';
import { populationStd, sampleFromValues } from '@flywheel/drift';
import {
  DISTINCT_CAP,
  type FeatureReference,
  type NumericReference,
  type ReferenceData,
  SKETCH_PROBABILITIES,
} from '../evaluation/feature-stats';

/**
 * A registry reference profile as monitoring uses it: bins and category frequencies as stored;
 * the quantile sketch interpolated (linearly in probability) from the stored quantiles, which
 * also gives the standard deviation the profile does not store. No exact sample is stored, so
 * KS falls back to normed Wasserstein (see planNumericFeature).
 * @throws Error naming the feature whose profile cannot be used.
 */
export function referenceFromProfile(profile: registryV1.ReferenceProfile, source: string): ReferenceData {
  const features = new Map<string, FeatureReference>();
  for (const feature of profile.features) {
    const rows = Math.max(0, profile.rowCount - feature.missingCount);
    if (feature.categorical) {
      features.set(feature.name, {
        kind: 'categorical',
        counts: new Map(Object.entries(feature.categorical.frequencies).map(([k, v]) => [k, Number(v)])),
      });
    } else if (feature.numeric) {
      features.set(feature.name, numericFromProfile(feature.name, feature.numeric, rows));
    }
  }
  return { source, rowCount: profile.rowCount, features };
}

function numericFromProfile(
  name: string,
  profile: registryV1.NumericProfile,
  rows: number,
): NumericReference {
  const points = profile.quantiles;
  if (points.length < 2) throw new Error(`reference profile feature "${name}": needs at least two quantiles`);
  const sketch = SKETCH_PROBABILITIES.map((p) => interpolate(points, p));
  const bins =
    profile.binEdges.length > 0 && profile.binCounts.length === profile.binEdges.length + 1
      ? { edges: profile.binEdges, counts: profile.binCounts.map(Number) }
      : undefined;
  return {
    kind: 'numeric',
    count: rows,
    distinct: profile.distinctCount > 0 ? Math.min(profile.distinctCount, DISTINCT_CAP) : DISTINCT_CAP,
    std: populationStd(sampleFromValues(sketch, `${name} sketch`)),
    sketch,
    ...(bins && { bins }),
  };
}

/** The value at probability p by linear interpolation between stored quantiles (clamped at the ends). */
function interpolate(points: readonly registryV1.Quantile[], p: number): number {
  const first = points[0]!;
  const last = points[points.length - 1]!;
  if (p <= first.probability) return first.value;
  if (p >= last.probability) return last.value;
  const upper = points.findIndex((point) => point.probability >= p);
  const hi = points[upper]!;
  const lo = points[upper - 1]!;
  const span = hi.probability - lo.probability;
  return span === 0 ? hi.value : lo.value + ((p - lo.probability) / span) * (hi.value - lo.value);
}
