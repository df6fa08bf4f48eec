import { defaultDriftTest } from './test-selection';

describe("defaultDriftTest follows Evidently's rules", () => {
  it.each([
    ['numeric', 1000, 6, 'ks'],
    ['numeric', 1001, 6, 'wasserstein'],
    ['numeric', 1000, 5, 'chisquare'],
    ['numeric', 1000, 2, 'z'],
    ['numeric', 1001, 5, 'jensenshannon'],
    ['categorical', 1000, 3, 'chisquare'],
    ['categorical', 1000, 2, 'z'],
    ['categorical', 1001, 2, 'jensenshannon'],
    ['categorical', 50_000, 40, 'jensenshannon'],
  ] as const)(
    '%s feature, %d reference rows, %d distinct values -> %s',
    (kind, referenceSize, distinctValues, test) => {
      expect(defaultDriftTest({ kind, referenceSize, distinctValues })).toBe(test);
    },
  );
});
