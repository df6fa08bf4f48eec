import { normal, seededRandom } from './seeded-random';

function draws(random: () => number, n: number): number[] {
  return Array.from({ length: n }, random);
}

describe('seededRandom', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    expect(draws(seededRandom(42), 5)).toEqual(draws(seededRandom(42), 5));
    expect(draws(seededRandom(42), 5)).not.toEqual(draws(seededRandom(43), 5));
  });

  it('draws uniformly on [0, 1)', () => {
    const values = draws(seededRandom(7), 100_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const deciles = new Array<number>(10).fill(0);
    for (const value of values) deciles[Math.floor(value * 10)]! += 1;
    // Each decile holds 10 000 ± 5 standard deviations (about 95).
    for (const count of deciles) expect(Math.abs(count - 10_000)).toBeLessThan(475);
  });

  it('gives standard normal draws through normal()', () => {
    const random = seededRandom(11);
    const values = Array.from({ length: 100_000 }, () => normal(random));
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(Math.sqrt(variance) - 1)).toBeLessThan(0.02);
    expect(values.filter((value) => Math.abs(value) > 1.96).length / values.length).toBeCloseTo(0.05, 2);
  });
});
