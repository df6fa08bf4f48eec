import { WeightedSample, assertNonEmpty } from '../sample/weighted-sample';
import { populationStd } from '../sample/sample-moments';

/** Evidently floors the reference standard deviation here so a constant reference cannot divide by zero. */
export const MIN_NORMALIZING_STD = 0.001;

/**
 * First Wasserstein (earth mover's) distance between two 1-D empirical distributions,
 * ∫ |F_reference(x) - F_current(x)| dx, as scipy's `wasserstein_distance`: one merge walk
 * over the distinct values, O(distinct values of both samples). In the samples' units.
 */
export function wassersteinDistance(reference: WeightedSample, current: WeightedSample): number {
  assertNonEmpty(reference, 'reference');
  assertNonEmpty(current, 'current');
  const a = reference.values;
  const b = current.values;
  let i = 0;
  let j = 0;
  let cumulativeA = 0;
  let cumulativeB = 0;
  let previous = Math.min(a[0]!, b[0]!);
  let area = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? a[i]! : Infinity;
    const y = j < b.length ? b[j]! : Infinity;
    const next = Math.min(x, y);
    area += Math.abs(cumulativeA / reference.total - cumulativeB / current.total) * (next - previous);
    previous = next;
    if (x <= y) cumulativeA += reference.counts[i++]!;
    if (y <= x) cumulativeB += current.counts[j++]!;
  }
  return area;
}

/**
 * Wasserstein distance divided by the reference's population standard deviation (floored at
 * 0.001), Evidently's scale-free "normed Wasserstein": 0.1 means the mass moved a tenth of a
 * reference standard deviation on average.
 */
export function normedWassersteinDistance(reference: WeightedSample, current: WeightedSample): number {
  const distance = wassersteinDistance(reference, current);
  return distance / Math.max(populationStd(reference, 'reference'), MIN_NORMALIZING_STD);
}
