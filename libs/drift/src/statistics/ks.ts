import { DriftInputError } from '../errors';
import { WeightedSample, assertNonEmpty } from '../sample/weighted-sample';
import { kolmogorovSf } from '../special/kolmogorov/kolmogorov-sf';
import { exactKsPValue, gcd } from './ks-exact';

/** 'auto' is scipy's default: exact when both samples have at most 10 000 observations. */
export type KsMethod = 'auto' | 'exact' | 'asymp';

export interface KsResult {
  /** sup |F_reference - F_current| over all values, in [0, 1]. */
  statistic: number;
  /** Two-sided p-value under the null of equal distributions, in [0, 1]. */
  pValue: number;
  /** The method that produced `pValue` ('auto' resolved). */
  method: 'exact' | 'asymp';
}

const MAX_AUTO_EXACT_SIZE = 10_000;
const INT32_MAX = 2 ** 31 - 1;

/**
 * Two-sample, two-sided Kolmogorov-Smirnov test matching scipy's `ks_2samp`:
 * - statistic: the largest gap between the two empirical CDFs, found in one merge walk over
 *   the distinct values (ties handled as `searchsorted(side='right')` does);
 * - 'exact': lattice-path probability of a gap at least as large (see ks-exact.ts);
 * - 'asymp': scipy's choice, the one-sample distribution `kstwo.sf(D, round(mn/(m+n)))`;
 * - 'auto': exact if max(n1, n2) ≤ 10 000, else asymp. Like scipy, an explicit 'exact' whose
 *   lattice would overflow 32 bits, or an exact result outside [0, 1], falls back to asymp.
 * Samples come as value/count pairs, so ClickHouse `GROUP BY value` results feed in directly.
 */
export function ksTest(
  reference: WeightedSample,
  current: WeightedSample,
  method: KsMethod = 'auto',
): KsResult {
  assertNonEmpty(reference, 'reference');
  assertNonEmpty(current, 'current');
  const n1 = reference.total;
  const n2 = current.total;
  const statistic = ksStatistic(reference, current);
  if (chooseExact(n1, n2, method)) {
    const lcm = (n1 / gcd(n1, n2)) * n2;
    const h = Math.round(statistic * lcm);
    const pValue = exactKsPValue(n1, n2, h);
    if (pValue >= 0 && pValue <= 1) return { statistic: h / lcm, pValue, method: 'exact' };
  }
  return { statistic, pValue: asymptoticPValue(n1, n2, statistic), method: 'asymp' };
}

/** The two-sample KS statistic alone: O(distinct values of both samples). */
export function ksStatistic(reference: WeightedSample, current: WeightedSample): number {
  assertNonEmpty(reference, 'reference');
  assertNonEmpty(current, 'current');
  const a = reference.values;
  const b = current.values;
  let i = 0;
  let j = 0;
  let cumulativeA = 0;
  let cumulativeB = 0;
  let largest = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? a[i]! : Infinity;
    const y = j < b.length ? b[j]! : Infinity;
    if (x <= y) cumulativeA += reference.counts[i++]!;
    if (y <= x) cumulativeB += current.counts[j++]!;
    largest = Math.max(largest, Math.abs(cumulativeA / reference.total - cumulativeB / current.total));
  }
  return largest;
}

function chooseExact(n1: number, n2: number, method: KsMethod): boolean {
  switch (method) {
    case 'auto':
      return Math.max(n1, n2) <= MAX_AUTO_EXACT_SIZE;
    case 'exact': {
      const divisor = gcd(n1, n2);
      return n1 / divisor < INT32_MAX / (n2 / divisor);
    }
    case 'asymp':
      return false;
    default:
      throw new DriftInputError(`method is ${String(method)}; expected 'auto', 'exact' or 'asymp'`);
  }
}

function asymptoticPValue(n1: number, n2: number, statistic: number): number {
  const effectiveSize = (n1 * n2) / (n1 + n2);
  return kolmogorovSf(Math.max(1, roundHalfEven(effectiveSize)), statistic);
}

/** numpy's `np.round`: ties go to the even neighbour. */
function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const fraction = x - floor;
  if (fraction !== 0.5) return Math.round(x);
  return floor % 2 === 0 ? floor : floor + 1;
}
