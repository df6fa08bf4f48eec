import { logFactorialOverPower } from '../log-gamma';
import { durbinMatrixCdf } from './durbin-matrix';
import { pelzGoodCdf } from './pelz-good';
import { smirnovSf } from './smirnov';

/**
 * P(Dₙ ≥ x) for the two-sided one-sample Kolmogorov-Smirnov statistic with n observations:
 * scipy's `kstwo.sf(x, n)`, which `ks_2samp` evaluates at n = round(mn/(m+n)) for its
 * asymptotic p-value. Region choice follows Simard and L'Ecuyer (2011), as scipy does:
 * closed forms at the extremes (Ruben-Gambino), 2·Smirnov in the upper tail (exact there
 * because one-sided exceedances are disjoint), the exact Durbin matrix for small n·x², and
 * Pelz-Good for large n. scipy uses Pomeranz's recursion where n ≤ 140 and 0.754693 < nx² ≤ 4;
 * this uses the Durbin matrix there instead, which is exact as well.
 */
export function kolmogorovSf(n: number, x: number): number {
  if (!Number.isSafeInteger(n) || n < 1 || Number.isNaN(x)) return NaN;
  if (x >= 1) return 0;
  if (x <= 0) return 1;
  const t = n * x;
  if (t <= 1) {
    if (t <= 0.5) return 1;
    return clip(1 - Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1)));
  }
  if (t >= n - 1) return clip(2 * (1 - x) ** n);
  if (x >= 0.5) return clip(2 * smirnovSf(n, x));
  const nx2 = t * x;
  if (n <= 140) return clip(nx2 <= 4 ? 1 - durbinMatrixCdf(n, x) : 2 * smirnovSf(n, x));
  if (nx2 >= 370) return 0;
  if (nx2 >= 2.2) return clip(2 * smirnovSf(n, x));
  if (n <= 100_000 && n * x ** 1.5 <= 1.4) return clip(1 - durbinMatrixCdf(n, x));
  return clip(1 - pelzGoodCdf(n, x));
}

function clip(p: number): number {
  return Math.min(1, Math.max(0, p));
}
