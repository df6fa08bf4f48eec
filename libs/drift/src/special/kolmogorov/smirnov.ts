const MIN_LOG = -708.3964185322641;
const MAX_EXACT_N = 1_000_000;

/**
 * Survival function of the one-sided one-sample statistic Dₙ⁺ (scipy.special.smirnov):
 * P(Dₙ⁺ ≥ x) = x Σ_{v=0}^{⌊n(1-x)⌋} C(n, v) (x + v/n)^{v-1} (1 - x - v/n)^{n-v}
 * (Birnbaum and Tingey 1951). Every term is positive, so summing them in log space with a
 * running maximum keeps full precision, tiny tails included. The terms rise to one peak and
 * fall, so the walk stops once the rest cannot add a relative 1e-16 (scipy's rule too).
 * O(n) at worst; above a million observations it switches, as scipy does, to the
 * approximation exp(-(6nx + 1)² / 18n).
 */
export function smirnovSf(n: number, x: number): number {
  if (!(n >= 1) || !(x >= 0 && x <= 1)) return NaN;
  if (x === 0) return 1;
  if (x === 1) return 0;
  if (n === 1) return 1 - x;
  if (n * x <= 1) return 1 - x * (1 + x) ** (n - 1);
  if (-2 * n * x * x < MIN_LOG) return 0;
  if (n * x >= n - 1) return (1 - x) ** n;
  if (n > MAX_EXACT_N) return Math.exp(-((6 * n * x + 1) ** 2) / 18 / n);
  return birnbaumTingeySum(n, x);
}

const EPSILON = 2.220446049250313e-16;

function birnbaumTingeySum(n: number, x: number): number {
  const logX = Math.log(x);
  const lastTerm = Math.floor(n * (1 - x));
  let logBinomial = 0;
  let largest = -Infinity;
  let scaledSum = 0;
  for (let v = 0; v < n; v++) {
    const remaining = (n - v) / n - x;
    if (remaining <= 0) break;
    const logTerm = logBinomial + (v - 1) * Math.log(x + v / n) + (n - v) * Math.log(remaining) + logX;
    if (logTerm > largest) {
      scaledSum = scaledSum * Math.exp(largest - logTerm) + 1;
      largest = logTerm;
    } else {
      const scaled = Math.exp(logTerm - largest);
      scaledSum += scaled;
      if (4 * (lastTerm - v) * scaled < EPSILON * scaledSum) break;
    }
    logBinomial += Math.log((n - v) / (v + 1));
  }
  return Math.min(1, Math.max(0, scaledSum * Math.exp(largest)));
}
