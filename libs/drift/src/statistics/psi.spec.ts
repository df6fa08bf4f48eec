import fc from 'fast-check';
import { countPairArbitrary } from '../../test/arbitraries';
import { psi } from './psi';

describe('psi', () => {
  it('matches the textbook sum on bins without empty cells', () => {
    const expected = (0.5 - 0.25) * Math.log(0.5 / 0.25) + (0.5 - 0.75) * Math.log(0.5 / 0.75);
    expect(psi([50, 50], [25, 75])).toBeCloseTo(expected, 15);
  });

  it('smooths an empty bin with 0.0001 instead of dividing by zero', () => {
    const expected = (0.0001 - 0.5) * Math.log(0.0001 / 0.5) + (1 - 0.5) * Math.log(1 / 0.5);
    expect(psi([0, 10], [5, 5])).toBeCloseTo(expected, 12);
  });

  it('uses a millionth of the smallest share as the floor when that share is ≤ 0.0001', () => {
    const reference = [1, 19_999, 0];
    const floor = 1 / 20_000 / 1e6;
    const r = [1 / 20_000, 19_999 / 20_000, floor];
    const c = [0.25, 0.25, 0.5];
    const expected = r.reduce((sum, ri, i) => sum + (ri - c[i]!) * Math.log(ri / c[i]!), 0);
    expect(psi(reference, [1, 1, 2])).toBeCloseTo(expected, 10);
  });

  it('ignores bins empty on both sides', () => {
    expect(psi([5, 0, 5], [5, 0, 5])).toBe(0);
  });

  it('is non-negative, finite and zero for identical proportions', () => {
    fc.assert(
      fc.property(countPairArbitrary, ([a, b]) => {
        const index = psi(a, b);
        expect(index).toBeGreaterThanOrEqual(0);
        expect(Number.isFinite(index)).toBe(true);
        expect(
          psi(
            a,
            a.map((x) => 3 * x),
          ),
        ).toBeCloseTo(0, 12);
      }),
    );
  });

  it('rejects an empty side', () => {
    expect(() => psi([0, 0], [1, 1])).toThrow('reference is empty: its counts sum to zero');
  });
});
