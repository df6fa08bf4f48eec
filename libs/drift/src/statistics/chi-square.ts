import { chiSquareSf } from '../special/distributions';
import { countTotals } from './count-vectors';

export interface ChiSquareResult {
  statistic: number;
  /** Upper tail of the chi-square distribution with `dof` degrees of freedom, in [0, 1]. */
  pValue: number;
  dof: number;
}

export interface ChiSquareOptions {
  /** Yates' continuity correction when dof = 1, as scipy's default (true). */
  yatesCorrection?: boolean;
}

/**
 * Chi-square test of homogeneity on the 2×k contingency table [reference; current], as
 * scipy's `chi2_contingency`: expected cell = row total × column total / grand total,
 * statistic Σ (O - E)² / E, p-value from the chi-square survival function with k - 1 degrees
 * of freedom. Categories empty on both sides are dropped first (scipy rejects the zero
 * expected cells they would create); a single remaining category gives statistic 0, p = 1.
 *
 * Evidently's 'chisquare' instead runs a goodness-of-fit test of current counts against
 * reference proportions (`scipy.stats.chisquare`), which breaks when the current window
 * holds a category the reference lacks; the contingency form treats both windows as samples.
 */
export function chiSquareTest(
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
  options: ChiSquareOptions = {},
): ChiSquareResult {
  const [referenceTotal, currentTotal] = countTotals(reference, current);
  const grandTotal = referenceTotal + currentTotal;
  let categories = 0;
  for (let i = 0; i < reference.length; i++) if (reference[i]! + current[i]! > 0) categories++;
  const dof = categories - 1;
  if (dof === 0) return { statistic: 0, pValue: 1, dof: 0 };
  const correct = dof === 1 && (options.yatesCorrection ?? true);
  let statistic = 0;
  for (let i = 0; i < reference.length; i++) {
    const column = reference[i]! + current[i]!;
    if (column === 0) continue;
    statistic += cellTerm(reference[i]!, (referenceTotal * column) / grandTotal, correct);
    statistic += cellTerm(current[i]!, (currentTotal * column) / grandTotal, correct);
  }
  return { statistic, pValue: chiSquareSf(statistic, dof), dof };
}

function cellTerm(observed: number, expected: number, yates: boolean): number {
  let gap = observed - expected;
  // Yates moves each observation half a unit toward its expectation, never past it.
  if (yates) gap -= Math.sign(gap) * Math.min(0.5, Math.abs(gap));
  return (gap * gap) / expected;
}
