import { sampleFromValues, sampleFromValueCounts } from '../sample/weighted-sample';
import { DriftInputError } from '../errors';
import { PROFILE_QUANTILE_LEVELS, numericProfileOf } from './numeric-profile';

describe('numericProfileOf', () => {
  const values = Array.from({ length: 1_000 }, (_, i) => (i * 37) % 101);
  const profile = numericProfileOf(sampleFromValues(values));

  it('counts every observation once, in the bins between its edges (the outer underflow and overflow stay empty)', () => {
    expect(profile.binCounts.reduce((sum, count) => sum + count, 0)).toBe(1_000);
    expect(profile.binCounts).toHaveLength(profile.binEdges.length + 1);
    expect([profile.binCounts[0], profile.binCounts.at(-1)]).toEqual([0, 0]);
    expect(profile.binEdges).toEqual([...profile.binEdges].sort((a, b) => a - b));
  });

  it('reports the percentiles at 0, 0.01, …, 1 and the distinct values', () => {
    expect(profile.quantiles.map((q) => q.probability)).toEqual(PROFILE_QUANTILE_LEVELS);
    expect(profile.quantiles[0]).toEqual({ probability: 0, value: 0 });
    expect(profile.quantiles[100]).toEqual({ probability: 1, value: 100 });
    expect(profile.quantiles[50]!.value).toBe(50);
    expect(profile.distinctCount).toBe(101);
  });

  it('gives the same profile for raw values and their value counts', () => {
    const counts = new Map<number, number>();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    const aggregated = sampleFromValueCounts([...counts.keys()], [...counts.values()]);
    expect(numericProfileOf(aggregated)).toEqual(profile);
  });

  it('refuses an empty sample', () => {
    expect(() => numericProfileOf(sampleFromValues([]))).toThrow(DriftInputError);
  });
});
