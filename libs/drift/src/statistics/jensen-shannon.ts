import { DriftInputError } from '../errors';
import { countTotals } from './count-vectors';

/**
 * Jensen-Shannon distance between two aligned count vectors (bins or categories), as scipy's
 * `distance.jensenshannon(p, q, base)`: each vector is normalised to a distribution,
 * M = (P + Q)/2, and the result is √((KL(P‖M) + KL(Q‖M)) / 2). The natural log is the default,
 * as in scipy and in Evidently (which calls it with base=None), so the distance lies in
 * [0, √ln 2 ≈ 0.833]; pass base 2 for [0, 1]. Empty bins need no smoothing: 0·ln 0 = 0.
 */
export function jensenShannonDistance(
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
  base?: number,
): number {
  if (base !== undefined && !(base > 0 && base !== 1 && Number.isFinite(base))) {
    throw new DriftInputError(`base is ${base}; a logarithm base must be positive, finite and not 1`);
  }
  const [referenceTotal, currentTotal] = countTotals(reference, current);
  let divergence = 0;
  for (let i = 0; i < reference.length; i++) {
    const p = reference[i]! / referenceTotal;
    const q = current[i]! / currentTotal;
    const m = (p + q) / 2;
    if (p > 0) divergence += p * Math.log(p / m);
    if (q > 0) divergence += q * Math.log(q / m);
  }
  if (base !== undefined) divergence /= Math.log(base);
  // Rounding can leave a -1e-17 for identical inputs; the true divergence is never negative.
  return Math.sqrt(Math.max(0, divergence / 2));
}
