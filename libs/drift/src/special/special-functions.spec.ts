import fc from 'fast-check';
import { chiSquareSf, normalSf } from './distributions';
import { regularizedGammaP, regularizedGammaQ } from './incomplete-gamma';
import { logFactorialOverPower, logGamma } from './log-gamma';
import { kolmogorovSf } from './kolmogorov/kolmogorov-sf';
import { smirnovSf } from './kolmogorov/smirnov';

describe('gamma family', () => {
  it('matches closed forms: Γ(n) = (n-1)!, chi2(2) tail e^{-x/2}, the 97.5% normal quantile', () => {
    expect(logGamma(6)).toBeCloseTo(Math.log(120), 13);
    expect(logFactorialOverPower(30)).toBeCloseTo(logGamma(31) - 30 * Math.log(30), 10);
    expect(chiSquareSf(3, 2)).toBeCloseTo(Math.exp(-1.5), 14);
    expect(normalSf(1.959963984540054)).toBeCloseTo(0.025, 14);
    expect(normalSf(-1.959963984540054)).toBeCloseTo(0.975, 14);
  });

  it('returns NaN rather than a wrong number outside the domain', () => {
    expect(regularizedGammaQ(0, 1)).toBeNaN();
    expect(regularizedGammaQ(1, -1)).toBeNaN();
    expect(chiSquareSf(1, 0)).toBeNaN();
    expect(logGamma(-1)).toBeNaN();
  });

  it('keeps P + Q = 1 with both in [0, 1], and Q non-increasing in x', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 5000, noNaN: true }),
        fc.double({ min: 0, max: 20000, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (a, x, step) => {
          const q = regularizedGammaQ(a, x);
          expect(q).toBeGreaterThanOrEqual(0);
          expect(q).toBeLessThanOrEqual(1);
          expect(regularizedGammaP(a, x) + q).toBeCloseTo(1, 10);
          expect(regularizedGammaQ(a, x + step)).toBeLessThanOrEqual(q + 1e-12);
        },
      ),
    );
  });
});

describe('Kolmogorov-Smirnov distributions', () => {
  it('handles the edges exactly: n = 1, x ≤ 1/(2n), x ≥ 1', () => {
    expect(smirnovSf(1, 0.3)).toBeCloseTo(0.7, 15);
    expect(kolmogorovSf(10, 0.04)).toBe(1);
    expect(kolmogorovSf(10, 1)).toBe(0);
    expect(kolmogorovSf(1, 0.75)).toBeCloseTo(0.5, 15); // D₁ = max(U, 1 - U) is uniform on [½, 1].
  });

  it('is a survival function: in [0, 1] and non-increasing in x for every n', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const atLow = kolmogorovSf(n, low);
          expect(atLow).toBeGreaterThanOrEqual(0);
          expect(atLow).toBeLessThanOrEqual(1);
          expect(kolmogorovSf(n, high)).toBeLessThanOrEqual(atLow + 1e-9);
        },
      ),
    );
  });
});
