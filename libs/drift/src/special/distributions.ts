import { regularizedGammaQ } from './incomplete-gamma';

/** Survival function of the chi-square distribution with `dof` degrees of freedom. */
export function chiSquareSf(x: number, dof: number): number {
  if (!(dof > 0)) return NaN;
  if (x <= 0) return 1;
  return regularizedGammaQ(dof / 2, x / 2);
}

/** Survival function of the standard normal, 1 - Φ(z) = erfc(z/√2)/2 = Q(½, z²/2)/2 for z ≥ 0. */
export function normalSf(z: number): number {
  if (Number.isNaN(z)) return NaN;
  const tail = 0.5 * regularizedGammaQ(0.5, (z * z) / 2);
  return z >= 0 ? tail : 1 - tail;
}
