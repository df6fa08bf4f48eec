import {
  fixedBins,
  histogram,
  jensenShannonDistance,
  normedWassersteinDistance,
  psi,
  quantiles,
  sampleFromValues,
  populationStd,
} from '@flywheel/drift';
import { SKETCH_PROBABILITIES, type NumericReference, type NumericSummary } from './feature-stats';
import { evaluateNumericFeature } from './evaluate-numeric';
import { planNumericFeature } from './numeric-plan';

/** A deterministic pseudo-normal sample (sum of uniforms from a linear congruential generator). */
function normalish(n: number, mean: number, scale: number, seed: number): number[] {
  let state = seed;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  return Array.from({ length: n }, () => mean + scale * (next() + next() + next() + next() - 2));
}

function summaryOf(values: number[]): NumericSummary {
  const sample = sampleFromValues(values);
  return {
    count: values.length,
    distinct: Math.min(sample.values.length, 21),
    std: populationStd(sample),
    sketch: Array.from(quantiles(sample, SKETCH_PROBABILITIES)),
  };
}

function referenceOf(values: number[], keepSample: boolean): NumericReference {
  const sample = sampleFromValues(values);
  const edges = fixedBins(sample);
  return {
    kind: 'numeric',
    ...summaryOf(values),
    bins: { edges: Array.from(edges), counts: Array.from(histogram(sample, edges)) },
    ...(keepSample && { sample }),
  };
}

describe('planNumericFeature', () => {
  const big = referenceOf(normalish(5000, 0, 1, 1), false);
  const small = referenceOf(normalish(500, 0, 1, 2), true);

  it("follows Evidently's defaults: Wasserstein above 1000 reference rows, KS at or below", () => {
    expect(planNumericFeature('x', big, big, {})).toEqual({
      method: 'sketch',
      test: 'wasserstein',
      testSource: 'default',
    });
    expect(planNumericFeature('x', small, small, {})).toEqual({
      method: 'ks-grid',
      test: 'ks',
      testSource: 'default',
    });
  });

  it('uses exact value counts when both sides have few distinct values', () => {
    const fewValues = referenceOf([1, 2, 3, 1, 2, 2], true);
    expect(planNumericFeature('x', fewValues, summaryOf([1, 2, 2, 3]), {}).method).toBe('values');
  });

  it('bins PSI and Jensen-Shannon overrides on the reference edges', () => {
    const policy = { features: { x: { test: 'psi' as const } } };
    expect(planNumericFeature('x', big, big, policy)).toEqual({
      method: 'bins',
      test: 'psi',
      testSource: 'override',
    });
  });

  it('falls back to Wasserstein when KS is chosen but no reference sample is stored', () => {
    const profileLike = { ...small, sample: undefined };
    expect(planNumericFeature('x', profileLike, small, {})).toEqual({
      method: 'sketch',
      test: 'wasserstein',
      testSource: 'fallback',
    });
  });
});

describe('evaluateNumericFeature', () => {
  const referenceValues = normalish(20_000, 0, 1, 3);
  const reference = referenceOf(referenceValues, false);

  it.each([
    ['no shift', 0, false],
    ['a half-sigma shift', 0.5, true],
  ])('normed Wasserstein from sketches is within 0.01 of the exact value (%s)', (_, shift, drifted) => {
    const currentValues = normalish(20_000, shift, 1, 4);
    const current = summaryOf(currentValues);
    const plan = planNumericFeature('x', reference, current, {});
    const result = evaluateNumericFeature('x', reference, { summary: current }, plan, {});
    const exact = normedWassersteinDistance(
      sampleFromValues(referenceValues),
      sampleFromValues(currentValues),
    );
    expect(Math.abs(result.score - exact)).toBeLessThan(0.01);
    expect(result).toMatchObject({
      test: 'wasserstein',
      method: 'sketch',
      drifted,
      referenceSize: 20_000,
      currentSize: 20_000,
    });
  });

  it('PSI and Jensen-Shannon on bins equal the library applied to the same histograms', () => {
    const currentValues = normalish(3000, 0.3, 1.2, 5);
    const edges = Float64Array.from(reference.bins?.edges ?? []);
    const currentBins = Array.from(histogram(sampleFromValues(currentValues), edges));
    const referenceBins = reference.bins?.counts ?? [];
    for (const test of ['psi', 'jensenshannon'] as const) {
      const policy = { features: { x: { test } } };
      const current = { summary: summaryOf(currentValues), bins: currentBins };
      const result = evaluateNumericFeature(
        'x',
        reference,
        current,
        planNumericFeature('x', reference, current.summary, policy),
        policy,
      );
      const expected =
        test === 'psi' ? psi(referenceBins, currentBins) : jensenShannonDistance(referenceBins, currentBins);
      expect(result.score).toBeCloseTo(expected, 12);
      expect(result).toMatchObject({ kind: 'numeric', method: 'bins', test });
    }
  });

  it('refuses to run a plan whose data is missing, naming the feature', () => {
    const plan = { method: 'bins' as const, test: 'psi' as const, testSource: 'override' as const };
    expect(() => evaluateNumericFeature('age', reference, { summary: reference }, plan, {})).toThrow(
      /feature "age": bin counts/,
    );
  });
});
