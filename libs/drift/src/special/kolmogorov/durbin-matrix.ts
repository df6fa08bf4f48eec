import { logFactorialOverPower } from '../log-gamma';

const SCALE_EXPONENT = 256;
const SCALE_LIMIT = 2 ** SCALE_EXPONENT;

/**
 * P(Dₙ < d) for the two-sided one-sample Kolmogorov-Smirnov statistic, exactly, by Durbin's
 * matrix formula as organised by Marsaglia, Tsang and Wang (2003): with k = ⌈nd⌉,
 * h = k - nd and m = 2k - 1, the probability is n!/nⁿ · (Hⁿ)[k-1][k-1] for an m×m matrix H.
 * O(m³ log n) time, so callers use it where nd is small (m stays below a few hundred).
 * Intermediate powers are rescaled by powers of two to stay in range.
 */
export function durbinMatrixCdf(n: number, d: number): number {
  if (d >= 1) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd);
  const m = 2 * k - 1;
  const power = matrixPower(durbinMatrix(k - nd, m), m, n);
  const entry = power.matrix[(k - 1) * m + (k - 1)]!;
  if (entry <= 0) return 0;
  const logProbability = Math.log(entry) + power.exponent * Math.LN2 + logFactorialOverPower(n);
  return Math.min(1, Math.exp(logProbability));
}

function durbinMatrix(h: number, m: number): Float64Array {
  const matrix = new Float64Array(m * m);
  const inverseFactorial = new Float64Array(m + 1);
  inverseFactorial[0] = 1;
  for (let i = 1; i <= m; i++) inverseFactorial[i] = inverseFactorial[i - 1]! / i;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      if (i - j + 1 >= 0) matrix[i * m + j] = inverseFactorial[i - j + 1]!;
    }
  }
  for (let i = 0; i < m; i++) {
    matrix[i * m] = matrix[i * m]! - h ** (i + 1) * inverseFactorial[i + 1]!;
    matrix[(m - 1) * m + i] = matrix[(m - 1) * m + i]! - h ** (m - i) * inverseFactorial[m - i]!;
  }
  if (2 * h - 1 > 0) matrix[(m - 1) * m] = matrix[(m - 1) * m]! + (2 * h - 1) ** m * inverseFactorial[m]!;
  return matrix;
}

interface ScaledMatrix {
  matrix: Float64Array;
  /** The true matrix is `matrix` · 2^exponent. */
  exponent: number;
}

function matrixPower(base: Float64Array, m: number, n: number): ScaledMatrix {
  let result: ScaledMatrix | undefined;
  let square: ScaledMatrix = { matrix: base, exponent: 0 };
  for (let remaining = n; remaining > 0; remaining = Math.floor(remaining / 2)) {
    if (remaining % 2 === 1) result = result ? multiply(result, square, m) : square;
    if (remaining > 1) square = multiply(square, square, m);
  }
  return result ?? { matrix: base, exponent: 0 };
}

function multiply(a: ScaledMatrix, b: ScaledMatrix, m: number): ScaledMatrix {
  const product = new Float64Array(m * m);
  let largest = 0;
  for (let i = 0; i < m; i++) {
    for (let l = 0; l < m; l++) {
      const left = a.matrix[i * m + l]!;
      if (left === 0) continue;
      for (let j = 0; j < m; j++) product[i * m + j]! += left * b.matrix[l * m + j]!;
    }
  }
  for (let i = 0; i < product.length; i++) largest = Math.max(largest, Math.abs(product[i]!));
  let exponent = a.exponent + b.exponent;
  while (largest > SCALE_LIMIT) {
    for (let i = 0; i < product.length; i++) product[i]! /= SCALE_LIMIT;
    largest /= SCALE_LIMIT;
    exponent += SCALE_EXPONENT;
  }
  while (largest > 0 && largest < 1 / SCALE_LIMIT) {
    for (let i = 0; i < product.length; i++) product[i]! *= SCALE_LIMIT;
    largest *= SCALE_LIMIT;
    exponent -= SCALE_EXPONENT;
  }
  return { matrix: product, exponent };
}
