const PI_SQUARED = Math.PI ** 2;
const PI_FOURTH = Math.PI ** 4;
const PI_SIXTH = Math.PI ** 6;
const SQRT_TWO_PI = Math.sqrt(2 * Math.PI);
const SQRT_THREE = Math.sqrt(3);
const MIN_LOG = -708;

/**
 * Pelz-Good (1976) approximation of P(Dₙ ≤ x): the Li-Chien/Korolyuk expansion
 * K₀(z) + K₁(z)/√n + K₂(z)/n + K₃(z)/n^{3/2} (z = x√n) rewritten with Jacobi theta
 * identities so it converges fast for small z. Simard and L'Ecuyer (2011) use it, as scipy
 * does, for n > 140 where the exact matrix method is too slow.
 */
export function pelzGoodCdf(n: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const z = Math.sqrt(n) * x;
  const z2 = z * z;
  const z4 = z2 * z2;
  const z6 = z4 * z2;
  const logQ = -PI_SQUARED / 8 / z2;
  if (logQ < MIN_LOG) return 0;
  const q = Math.exp(logQ);
  const terms = Math.ceil((16 * z) / Math.PI);
  // Σ_k c_j(m) q^{m²} over odd m = 2k - 1, evaluated from the top with Horner's rule.
  let k0 = 0;
  let k1 = 0;
  let k2 = 0;
  let k3 = 0;
  for (let k = terms; k >= 1; k--) {
    const m2 = (2 * k - 1) ** 2;
    const m4 = m2 * m2;
    const qPower = q ** (8 * k);
    k0 = k0 * qPower + 1;
    k1 = k1 * qPower + (-z2 + (PI_SQUARED / 4) * m2);
    k2 =
      k2 * qPower +
      (6 * z6 + 2 * z4 + ((2 * z4 - 5 * z2) * PI_SQUARED * m2) / 4 + (PI_FOURTH * (1 - 2 * z2) * m4) / 16);
    k3 =
      k3 * qPower +
      (-30 * z6 -
        90 * z4 * z4 +
        (PI_SQUARED * (135 * z4 - 96 * z6) * m2) / 4 +
        (PI_FOURTH * (-60 * z2 + 212 * z4) * m4) / 16 +
        (PI_SIXTH * (5 - 30 * z2) * m4 * m2) / 64);
  }
  const common = q * SQRT_TWO_PI;
  k0 *= common / z;
  k1 *= common / (6 * z4);
  k2 *= common / (72 * z6 * z);
  k3 *= common / (6480 * z6 * z4);
  // The remaining sums run over all integers k with q' = exp(-π²/(2z²)).
  const qAll = Math.exp(-PI_SQUARED / 2 / z2);
  let sumK2 = 0;
  let sumK3 = 0;
  for (let k = terms; k >= 1; k--) {
    const weight = k * k * qAll ** (k * k);
    sumK2 += weight;
    sumK3 += (SQRT_THREE * z + Math.PI * k) * (SQRT_THREE * z - Math.PI * k) * weight;
  }
  k2 += (sumK2 * PI_SQUARED * SQRT_TWO_PI) / (-36 * z2 * z);
  k3 += (sumK3 * PI_SQUARED * SQRT_TWO_PI) / (216 * z6);
  const rootN = Math.sqrt(n);
  return k0 + k1 / rootN + k2 / n + k3 / (n * rootN);
}
