import type { ClickHouseClient } from '@clickhouse/client';
import { queryRows } from '@flywheel/clickhouse';
import { type WeightedSample, sampleFromValueCounts } from '@flywheel/drift';
import type { NumericSummary } from '../evaluation/feature-stats';
import type { KsGridCell } from '../evaluation/ks-grid';
import { SKETCH_LEVELS_SQL } from './sketch-levels';
import { NUMERIC_VALUES, WINDOW_ROWS, type WindowSlice, sliceParams } from './window-filter';

// Each query aggregates every feature of the window in one pass over the rows (ARRAY JOIN of
// the feature maps); only per-feature aggregates come back to Node.

interface SummaryRow {
  feature: string;
  n: string;
  n_distinct: string;
  std: number;
  sketch: number[];
}

/** Above this many rows a window's sketches and distinct counts are computed on a sample of them. */
export const SKETCH_SAMPLE_ROWS = 250_000;

/**
 * Count and std (all rows), distinct values (up to 20, 21 meaning more) and t-digest sketch per
 * numeric feature. Windows above SKETCH_SAMPLE_ROWS rows sketch a deterministic 1-in-`stride`
 * sample chosen by a hash of the event time (the t-digest dominates the cost): at 250 000 sampled
 * rows a quantile's standard error is about 0.002 standard deviations, far below the 0.1
 * Wasserstein threshold, and rerunning a window samples the same rows.
 */
export async function numericSummaries(
  client: ClickHouseClient,
  slice: WindowSlice,
): Promise<Map<string, NumericSummary>> {
  const stride = Math.max(1, Math.ceil((await windowRowCount(client, slice)) / SKETCH_SAMPLE_ROWS));
  const rows: SummaryRow[] = await queryRows(
    client,
    `SELECT feature, count() AS n, uniqUpToIf(20)(value, sampled) AS n_distinct, stddevPop(value) AS std,
       quantilesTDigestIf(${SKETCH_LEVELS_SQL})(value, sampled) AS sketch
     FROM (SELECT feature, value, cityHash64(timestamp) % {stride:UInt64} = 0 AS sampled
           FROM ${WINDOW_ROWS} ${NUMERIC_VALUES} WHERE isFinite(value))
     GROUP BY feature`,
    { ...sliceParams(slice), stride },
  );
  return new Map(
    rows.map((row) => [
      row.feature,
      { count: Number(row.n), distinct: Number(row.n_distinct), std: row.std, sketch: row.sketch },
    ]),
  );
}

/** Rows in the window (a primary-key range read). */
export async function windowRowCount(client: ClickHouseClient, slice: WindowSlice): Promise<number> {
  const rows: { n: string }[] = await queryRows(
    client,
    `SELECT count() AS n FROM ${WINDOW_ROWS}`,
    sliceParams(slice),
  );
  return Number(rows[0]?.n ?? 0);
}

interface ValueCountRow {
  feature: string;
  value: number;
  n: string;
}

/** Exact value/count samples of the given numeric features (few-valued features, small references). */
export async function numericValueCounts(
  client: ClickHouseClient,
  slice: WindowSlice,
  features: readonly string[],
): Promise<Map<string, WeightedSample>> {
  if (features.length === 0) return new Map();
  const rows: ValueCountRow[] = await queryRows(
    client,
    `SELECT feature, value, count() AS n FROM ${WINDOW_ROWS} ${NUMERIC_VALUES}
     WHERE isFinite(value) AND has({features:Array(String)}, feature)
     GROUP BY feature, value ORDER BY feature, value`,
    { ...sliceParams(slice), features: [...features] },
  );
  const grouped = groupBy(rows, (row) => row.feature);
  return new Map(
    [...grouped].map(([feature, group]) => [
      feature,
      sampleFromValueCounts(
        group.map((row) => row.value),
        group.map((row) => Number(row.n)),
        feature,
      ),
    ]),
  );
}

interface BinRow {
  feature: string;
  bin: number;
  n: string;
}

/**
 * Counts per fixed bin, laid out as @flywheel/drift's `histogram`: 0 below the first edge, i for
 * [edges[i−1], edges[i]) with the last bin closed, edges.length above the last edge.
 */
export async function numericBinCounts(
  client: ClickHouseClient,
  slice: WindowSlice,
  edges: ReadonlyMap<string, readonly number[]>,
): Promise<Map<string, number[]>> {
  if (edges.size === 0) return new Map();
  const features = [...edges.keys()];
  const rows: BinRow[] = await queryRows(
    client,
    `SELECT feature, toUInt32(if(value = e[-1], length(e) - 1, arrayCount(x -> x <= value, e))) AS bin, count() AS n
     FROM (SELECT feature, value, {edges:Array(Array(Float64))}[indexOf({features:Array(String)}, feature)] AS e
           FROM ${WINDOW_ROWS} ${NUMERIC_VALUES}
           WHERE isFinite(value) AND has({features:Array(String)}, feature))
     GROUP BY feature, bin`,
    { ...sliceParams(slice), features, edges: features.map((feature) => [...(edges.get(feature) ?? [])]) },
  );
  const counts = new Map(
    features.map((feature) => [feature, new Array<number>((edges.get(feature)?.length ?? 0) + 1).fill(0)]),
  );
  for (const row of rows) {
    const vector = counts.get(row.feature);
    if (vector !== undefined) vector[row.bin] = Number(row.n);
  }
  return counts;
}

interface GridRow {
  feature: string;
  below: number;
  at_or_below: number;
  n: string;
}

/** Current counts on each reference sample's value grid (see ks-grid.ts): exact KS from a few rows. */
export async function ksGridCounts(
  client: ClickHouseClient,
  slice: WindowSlice,
  referenceValues: ReadonlyMap<string, Float64Array>,
): Promise<Map<string, KsGridCell[]>> {
  if (referenceValues.size === 0) return new Map();
  const features = [...referenceValues.keys()];
  const rows: GridRow[] = await queryRows(
    client,
    `SELECT feature, toUInt32(arrayCount(x -> x < value, r)) AS below, toUInt32(arrayCount(x -> x <= value, r)) AS at_or_below, count() AS n
     FROM (SELECT feature, value, {grid:Array(Array(Float64))}[indexOf({features:Array(String)}, feature)] AS r
           FROM ${WINDOW_ROWS} ${NUMERIC_VALUES}
           WHERE isFinite(value) AND has({features:Array(String)}, feature))
     GROUP BY feature, below, at_or_below`,
    {
      ...sliceParams(slice),
      features,
      grid: features.map((feature) => Array.from(referenceValues.get(feature) ?? [])),
    },
  );
  const grouped = groupBy(rows, (row) => row.feature);
  return new Map(
    [...grouped].map(([feature, group]) => [
      feature,
      group.map((row) => ({ below: row.below, atOrBelow: row.at_or_below, count: Number(row.n) })),
    ]),
  );
}

interface EdgeRow {
  feature: string;
  edges: number[];
}

/** Exact deciles (numpy's linear interpolation, as @flywheel/drift's `fixedBins`) per numeric feature. */
export async function numericDeciles(
  client: ClickHouseClient,
  slice: WindowSlice,
): Promise<Map<string, number[]>> {
  const rows: EdgeRow[] = await queryRows(
    client,
    `SELECT feature, quantilesExactInclusive(0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1)(value) AS edges
     FROM ${WINDOW_ROWS} ${NUMERIC_VALUES}
     WHERE isFinite(value) GROUP BY feature`,
    sliceParams(slice),
  );
  return new Map(rows.map((row) => [row.feature, row.edges]));
}

interface CategoryRow {
  feature: string;
  value: string;
  n: string;
}

/** Counts per category per categorical feature. */
export async function categoryCounts(
  client: ClickHouseClient,
  slice: WindowSlice,
): Promise<Map<string, Map<string, number>>> {
  const rows: CategoryRow[] = await queryRows(
    client,
    `SELECT feature, value, count() AS n FROM ${WINDOW_ROWS}
     ARRAY JOIN mapKeys(categorical_features) AS feature, mapValues(categorical_features) AS value
     GROUP BY feature, value`,
    sliceParams(slice),
  );
  const counts = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const feature = counts.get(row.feature) ?? new Map<string, number>();
    feature.set(row.value, Number(row.n));
    counts.set(row.feature, feature);
  }
  return counts;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row)) ?? [];
    group.push(row);
    groups.set(key(row), group);
  }
  return groups;
}
