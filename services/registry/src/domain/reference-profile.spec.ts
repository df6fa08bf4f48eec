import { type ReferenceProfile, assertReferenceProfile } from './reference-profile';

const valid = (): ReferenceProfile => ({
  rowCount: 10,
  features: [
    { kind: 'numeric', name: 'amount', missingCount: 1, binEdges: [0, 10], binCounts: [2, 4, 3], quantiles: [{ probability: 0.1, value: 1 }, { probability: 0.9, value: 9 }], distinctCount: 8 },
    { kind: 'categorical', name: 'country', missingCount: 2, frequencies: { fr: 5, de: 3 } },
  ],
});

describe('assertReferenceProfile', () => {
  it('accepts a profile whose features account for every row', () => {
    expect(assertReferenceProfile(valid())).toEqual(valid());
  });

  it.each<[string, (p: ReferenceProfile) => void, RegExp]>([
    ['edges out of order', (p) => ((p.features[0] as { binEdges: number[] }).binEdges = [5, 5]), /features\[0\]\.numeric\.bin_edges\[1\]: edges must be strictly ascending/],
    ['counts not edges + 1', (p) => ((p.features[0] as { binCounts: number[] }).binCounts = [9]), /bin_counts: expected 3 counts/],
    ['negative count', (p) => ((p.features[1] as { frequencies: Record<string, number> }).frequencies = { fr: -1, de: 9 }), /frequencies\["fr"\]: expected a non-negative whole number/],
    ['rows unaccounted for', (p) => (p.rowCount = 11), /accounts for 10 rows .* but row_count is 11/],
    ['quantiles out of order', (p) => ((p.features[0] as { quantiles: unknown[] }).quantiles = [{ probability: 0.9, value: 9 }, { probability: 0.1, value: 1 }]), /quantiles\[1\]: quantiles must be ascending/],
    ['duplicate feature', (p) => (p.features[1]!.name = 'amount'), /features\[1\]\.name: duplicate feature "amount"/],
    ['no features', (p) => (p.features = []), /features: at least one feature is required/],
  ])('refuses %s naming the field', (_what, breakIt, reason) => {
    const profile = valid();
    breakIt(profile);
    expect(() => assertReferenceProfile(profile)).toThrow(reason);
  });
});
