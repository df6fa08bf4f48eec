import fc from 'fast-check';
import { exactKsPValue, gcd } from './ks-exact';

/** P(D ≥ h/lcm) by enumerating every way to interleave n1 reference and n2 current ranks. */
function bruteForcePValue(n1: number, n2: number, h: number): number {
  const lcm = (n1 * n2) / gcd(n1, n2);
  let extreme = 0;
  let total = 0;
  const walk = (a: number, b: number, largest: number): void => {
    if (a === n1 && b === n2) {
      total++;
      if (largest >= h) extreme++;
      return;
    }
    const gap = (x: number, y: number): number => Math.abs((x * lcm) / n1 - (y * lcm) / n2);
    if (a < n1) walk(a + 1, b, Math.max(largest, gap(a + 1, b)));
    if (b < n2) walk(a, b + 1, Math.max(largest, gap(a, b + 1)));
  };
  walk(0, 0, 0);
  return extreme / total;
}

describe('exactKsPValue', () => {
  it('equals full enumeration of rank orderings for small samples, equal sizes or not', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 7 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n1, n2, d) => {
          const lcm = (n1 * n2) / gcd(n1, n2);
          const h = Math.round(d * lcm);
          expect(exactKsPValue(n1, n2, h)).toBeCloseTo(bruteForcePValue(n1, n2, h), 12);
        },
      ),
    );
  });

  it('is 1 for a zero statistic', () => {
    expect(exactKsPValue(5, 8, 0)).toBe(1);
  });
});
