import fc from 'fast-check';
import { countPairArbitrary } from '../../test/arbitraries';
import { jensenShannonDistance } from './jensen-shannon';

describe('jensenShannonDistance', () => {
  it('reaches √ln 2 (natural log) or 1 (base 2) for disjoint distributions', () => {
    expect(jensenShannonDistance([1, 0], [0, 1])).toBeCloseTo(Math.sqrt(Math.LN2), 15);
    expect(jensenShannonDistance([1, 0], [0, 1], 2)).toBeCloseTo(1, 15);
  });

  it('compares proportions, not raw counts', () => {
    expect(jensenShannonDistance([1, 2, 3], [10, 20, 30])).toBe(0);
  });

  it('rejects misaligned, negative and all-zero inputs', () => {
    expect(() => jensenShannonDistance([1], [1, 2])).toThrow('reference has 1 bins but current has 2');
    expect(() => jensenShannonDistance([1, -1], [1, 2])).toThrow('reference[1] is -1');
    expect(() => jensenShannonDistance([0, 0], [1, 2])).toThrow('reference is empty');
    expect(() => jensenShannonDistance([1], [1], 1)).toThrow('base is 1');
  });

  it('is symmetric, zero on identical inputs and bounded by √ln 2', () => {
    fc.assert(
      fc.property(countPairArbitrary, ([a, b]) => {
        const distance = jensenShannonDistance(a, b);
        expect(distance).toBeGreaterThanOrEqual(0);
        expect(distance).toBeLessThanOrEqual(Math.sqrt(Math.LN2) + 1e-12);
        expect(jensenShannonDistance(b, a)).toBeCloseTo(distance, 12);
        expect(jensenShannonDistance(a, a)).toBe(0);
      }),
    );
  });
});
