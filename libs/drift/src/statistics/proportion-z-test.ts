import { normalSf } from '../special/distributions';
import { countTotals } from './count-vectors';

/**
 * Evidently's 'z' test for binary features: two-proportion z-test with a pooled variance,
 * comparing the share of observations outside the first (non-empty) category in each window, and the
 * two-sided p-value 2·(1 - Φ(|z|)). With more than two categories it compares the first
 * category against all others. When both windows hold only the first category there is
 * nothing to compare and the p-value is 1 (Evidently does the same).
 */
export function proportionZTest(reference: ArrayLike<number>, current: ArrayLike<number>): number {
  const [n1, n2] = countTotals(reference, current);
  let first = 0;
  while (reference[first]! + current[first]! === 0) first++;
  const share1 = (n1 - reference[first]!) / n1;
  const share2 = (n2 - current[first]!) / n2;
  const pooled = (share1 * n1 + share2 * n2) / (n1 + n2);
  if (pooled <= 0 || pooled >= 1) return 1;
  const z = (share1 - share2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  return Math.min(1, 2 * normalSf(Math.abs(z)));
}
