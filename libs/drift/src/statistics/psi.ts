import { countTotals } from './count-vectors';

/**
 * Population Stability Index over aligned count vectors (fixed reference bins or categories):
 * PSI = Σ (r_i - c_i) · ln(r_i / c_i) over the proportions r, c of each bin.
 *
 * Empty-bin smoothing follows Evidently: a zero proportion is replaced by 0.0001, or by a
 * millionth of the smallest non-zero proportion of that side when that one is ≤ 0.0001, so
 * the floor always stays below every observed share. Proportions are not renormalised.
 * Bins empty on both sides are skipped (they carry no evidence; Evidently only ever passes
 * such bins for numeric histograms, where its fill can turn them into small spurious terms).
 */
export function psi(reference: ArrayLike<number>, current: ArrayLike<number>): number {
  const [referenceTotal, currentTotal] = countTotals(reference, current);
  const referenceFloor = emptyBinFloor(reference, referenceTotal);
  const currentFloor = emptyBinFloor(current, currentTotal);
  let index = 0;
  for (let i = 0; i < reference.length; i++) {
    if (reference[i] === 0 && current[i] === 0) continue;
    const r = reference[i] === 0 ? referenceFloor : reference[i]! / referenceTotal;
    const c = current[i] === 0 ? currentFloor : current[i]! / currentTotal;
    index += (r - c) * Math.log(r / c);
  }
  return index;
}

const DEFAULT_FLOOR = 1e-4;

function emptyBinFloor(counts: ArrayLike<number>, total: number): number {
  let smallest = Infinity;
  for (let i = 0; i < counts.length; i++) {
    if (counts[i]! > 0) smallest = Math.min(smallest, counts[i]! / total);
  }
  return smallest <= DEFAULT_FLOOR ? smallest / 1e6 : DEFAULT_FLOOR;
}
