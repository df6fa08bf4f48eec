import { sampleFromValues } from '../sample/weighted-sample';
import { evaluateFeatureDrift } from './feature-drift';
import { NumericFeatureInput } from './feature-input';

const range = (n: number, scale = 1, shift = 0): number[] =>
  Array.from({ length: n }, (_, i) => (i / n) * scale + shift);

function numeric(name: string, reference: number[], current: number[]): NumericFeatureInput {
  return {
    name,
    kind: 'numeric',
    reference: sampleFromValues(reference),
    current: sampleFromValues(current),
  };
}

describe('evaluateFeatureDrift', () => {
  it('runs KS on a small numeric reference and flags a shifted window', () => {
    const result = evaluateFeatureDrift(numeric('age', range(500), range(400, 1, 0.3)));
    expect(result).toMatchObject({ feature: 'age', test: 'ks', testSource: 'default', scoreKind: 'p-value' });
    expect(result.threshold).toBe(0.05);
    expect(result.drifted).toBe(true);
  });

  it('runs normed Wasserstein on a large numeric reference and leaves an unchanged window alone', () => {
    const result = evaluateFeatureDrift(numeric('income', range(2000), range(1500)));
    expect(result).toMatchObject({ test: 'wasserstein', scoreKind: 'distance', drifted: false });
    expect(result.score).toBeLessThan(0.01);
  });

  it('runs chi-square on a small categorical reference; a new category makes it drift', () => {
    const result = evaluateFeatureDrift({
      name: 'country',
      kind: 'categorical',
      reference: { fr: 300, de: 300, it: 300 },
      current: { fr: 200, de: 200, it: 200, es: 200 },
    });
    expect(result).toMatchObject({ test: 'chisquare', drifted: true, referenceSize: 900, currentSize: 800 });
  });

  it('applies a feature override of test and threshold before the model-wide thresholds', () => {
    const input = numeric('age', range(500), range(400, 1, 0.05));
    const result = evaluateFeatureDrift(input, {
      thresholds: { psi: 0.5 },
      features: { age: { test: 'psi', threshold: 0.01 } },
    });
    expect(result).toMatchObject({ test: 'psi', testSource: 'override', threshold: 0.01, drifted: true });
    expect(
      evaluateFeatureDrift(input, { thresholds: { psi: 0.5 }, features: { age: { test: 'psi' } } }).threshold,
    ).toBe(0.5);
  });

  it('compares numeric features with few distinct values value by value (z-test for binary)', () => {
    const result = evaluateFeatureDrift(
      numeric('flag', [...Array<number>(80).fill(0), ...Array<number>(20).fill(1)], [0, 1, 1, 1]),
    );
    expect(result.test).toBe('z');
  });

  it('names the feature when an input is unusable', () => {
    expect(() => evaluateFeatureDrift(numeric('age', [], [1, 2]))).toThrow(
      'feature "age": reference is empty',
    );
    expect(() =>
      evaluateFeatureDrift(
        { name: 'country', kind: 'categorical', reference: { a: 1 }, current: { a: 2 } },
        { features: { country: { test: 'ks' } } },
      ),
    ).toThrow(`feature "country": test 'ks' needs a numeric feature, not a categorical one`);
  });
});
