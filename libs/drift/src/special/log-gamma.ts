// Lanczos approximation (g = 7, nine terms): about 15 significant digits for x > 0.
const LANCZOS_G = 7;
const LANCZOS_COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0 (NaN otherwise). */
export function logGamma(x: number): number {
  if (!(x > 0)) return NaN;
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const shifted = x - 1;
  let series = LANCZOS_COEFFICIENTS[0]!;
  for (let i = 1; i < LANCZOS_COEFFICIENTS.length; i++) series += LANCZOS_COEFFICIENTS[i]! / (shifted + i);
  const t = shifted + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (shifted + 0.5) * Math.log(t) - t + Math.log(series);
}

// Stirling series coefficients B_2j / (2j (2j - 1)) for j = 8 down to 1.
const STIRLING = [-3617 / 122400, 1 / 156, -691 / 360360, 1 / 1188, -1 / 1680, 1 / 1260, -1 / 360, 1 / 12];

/**
 * ln(n! / nⁿ) for a positive integer n, without forming either huge term: the Stirling
 * series with n·ln n removed analytically (exact product below 20).
 */
export function logFactorialOverPower(n: number): number {
  if (n < 20) {
    let sum = 0;
    for (let i = 1; i <= n; i++) sum += Math.log(i / n);
    return sum;
  }
  const inverse = 1 / n;
  const inverseSquared = inverse * inverse;
  let series = 0;
  for (const coefficient of STIRLING) series = series * inverseSquared + coefficient;
  return Math.log(n) / 2 - n + HALF_LOG_TWO_PI + inverse * series;
}
