import { DriftInputError } from '../errors';
import { WeightedSample } from '../sample/weighted-sample';

/**
 * Counts a sample into the bins of `edges` (strictly ascending, at least two), returning
 * `edges.length + 1` counts laid out as
 *
 *   [0]            values below edges[0]            (underflow)
 *   [1 .. m - 1]   [edges[i-1], edges[i]), the last bin closed on the right, as np.histogram
 *   [m]            values above edges[m - 1]        (overflow)
 *
 * Against its own `fixedBins` edges a reference never fills the outer bins; a current window
 * that does has values outside the reference range, which PSI and Jensen-Shannon then see.
 * O(distinct values + bins): both the sample and the edges are sorted.
 */
export function histogram(sample: WeightedSample, edges: Float64Array): Float64Array {
  assertEdges(edges);
  const last = edges.length - 1;
  const counts = new Float64Array(edges.length + 1);
  let bin = 0;
  for (let i = 0; i < sample.values.length; i++) {
    const value = sample.values[i]!;
    while (bin <= last && value >= edges[bin]!) bin++;
    const closedTop = bin === last + 1 && value === edges[last];
    counts[closedTop ? last : bin]! += sample.counts[i]!;
  }
  return counts;
}

/** Throws unless `edges` has at least two finite, strictly ascending entries. */
export function assertEdges(edges: ArrayLike<number>): void {
  if (edges.length < 2)
    throw new DriftInputError(`edges has ${edges.length} entries; bins need at least two edges`);
  for (let i = 0; i < edges.length; i++) {
    if (!Number.isFinite(edges[i]!))
      throw new DriftInputError(`edges[${i}] is ${edges[i]}; edges must be finite`);
    if (i > 0 && edges[i]! <= edges[i - 1]!) {
      throw new DriftInputError(
        `edges[${i}] is ${edges[i]} after ${edges[i - 1]}; edges must be strictly ascending`,
      );
    }
  }
}
