import { type WeightedSample, sampleFromValueCounts } from '@flywheel/drift';

/**
 * Current-window counts on a reference sample's value grid, as ClickHouse returns them:
 * `below` = reference values strictly below the observation, `atOrBelow` = those ≤ it, `count`.
 */
export interface KsGridCell {
  below: number;
  atOrBelow: number;
  count: number;
}

/**
 * Rebuilds a current sample that interleaves with the reference exactly as the real one does:
 * an observation equal to reference value r_i becomes r_i, one strictly between r_{i-1} and
 * r_i becomes a point between them (outside the range: one unit beyond). The two-sample KS
 * statistic depends only on that interleaving and the KS p-value only on the statistic and the
 * sizes, so `ksTest(reference, rebuilt)` equals `ksTest(reference, real)` exactly, while
 * ClickHouse returns at most 2·distinct(reference) + 1 rows instead of the window's values.
 */
export function sampleOnReferenceGrid(
  reference: WeightedSample,
  cells: readonly KsGridCell[],
): WeightedSample {
  const grid = reference.values;
  const values: number[] = [];
  const counts: number[] = [];
  for (const cell of cells) {
    values.push(cell.atOrBelow > cell.below ? grid[cell.below]! : between(grid, cell.below));
    counts.push(cell.count);
  }
  return sampleFromValueCounts(values, counts, 'current (on the reference grid)');
}

/** A value strictly between grid[i − 1] and grid[i] (one unit beyond at either end). */
function between(grid: Float64Array, i: number): number {
  if (i === 0) return grid[0]! - 1;
  if (i === grid.length) return grid[grid.length - 1]! + 1;
  const low = grid[i - 1]!;
  const high = grid[i]!;
  const mid = low + (high - low) / 2;
  // Adjacent doubles have no value between them; the lower one keeps the order within ties of
  // the reference (only `<` against r_i matters, and low < r_i).
  return mid > low && mid < high ? mid : low;
}
