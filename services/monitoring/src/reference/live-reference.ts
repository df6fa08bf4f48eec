import type { ClickHouseClient } from '@clickhouse/client';
import { SMALL_REFERENCE_MAX_ROWS, VALUE_COUNTS_MAX_DISTINCT } from '@flywheel/drift';
import type { FeatureReference, NumericReference, ReferenceData } from '../evaluation/feature-stats';
import {
  categoryCounts,
  numericBinCounts,
  numericDeciles,
  numericSummaries,
  numericValueCounts,
} from '../clickhouse/feature-queries';
import { PREDICTION_KEY, type WindowSlice } from '../clickhouse/window-filter';

/**
 * A reference computed from a window of live traffic: the same summaries as a current window,
 * fixed decile bins (edges from exact quantiles, as @flywheel/drift's `fixedBins`), and the exact
 * sample of features with at most 1000 rows or few distinct values (for KS and value-by-value tests).
 * Undefined when the window holds no rows.
 */
export async function liveReference(
  client: ClickHouseClient,
  slice: WindowSlice,
  source: string,
): Promise<ReferenceData | undefined> {
  const summaries = await numericSummaries(client, slice);
  const categories = await categoryCounts(client, slice);
  if (summaries.size === 0 && categories.size === 0) return undefined;
  const edges = new Map(
    [...(await numericDeciles(client, slice))].map(([feature, q]) => [feature, binEdges(q)]),
  );
  const bins = await numericBinCounts(client, slice, edges);
  const keep = [...summaries].filter(
    ([, s]) => s.count <= SMALL_REFERENCE_MAX_ROWS || s.distinct <= VALUE_COUNTS_MAX_DISTINCT,
  );
  const samples = await numericValueCounts(
    client,
    slice,
    keep.map(([feature]) => feature),
  );

  const numeric = new Map<string, NumericReference>();
  for (const [feature, summary] of summaries) {
    const featureEdges = edges.get(feature);
    const featureBins = bins.get(feature);
    const sample = samples.get(feature);
    numeric.set(feature, {
      kind: 'numeric',
      ...summary,
      ...(featureEdges && featureBins && { bins: { edges: featureEdges, counts: featureBins } }),
      ...(sample && { sample }),
    });
  }
  const features = new Map<string, FeatureReference>();
  for (const [feature, reference] of numeric)
    if (feature !== PREDICTION_KEY) features.set(feature, reference);
  for (const [feature, counts] of categories) features.set(feature, { kind: 'categorical', counts });
  const prediction = numeric.get(PREDICTION_KEY);
  return { source, rowCount: prediction?.count ?? 0, features, ...(prediction && { prediction }) };
}

/** Deciles → strictly ascending edges (ties merged); a constant feature gets [v − 0.5, v + 0.5]. */
export function binEdges(deciles: readonly number[]): number[] {
  const edges = [...new Set(deciles)].sort((a, b) => a - b);
  if (edges.length === 1) return [edges[0]! - 0.5, edges[0]! + 0.5];
  return edges;
}
