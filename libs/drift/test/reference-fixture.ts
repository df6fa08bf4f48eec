import fixtureJson from '../fixtures/scipy-reference.json';
import { WeightedSample, sampleFromValueCounts, sampleFromValues } from '../src/sample/weighted-sample';

/** Shape of fixtures/scipy-reference.json, written by fixtures/generate.py. */
export interface ReferenceFixture {
  versions: { python: string; numpy: string; scipy: string };
  samples: Record<string, { values: number[]; counts?: number[] }>;
  ks2samp: Array<{
    reference: string;
    current: string;
    method: 'auto' | 'exact' | 'asymp';
    resolvedMethod: 'exact' | 'asymp';
    statistic: number;
    pValue: number;
  }>;
  wasserstein: Array<{
    reference: string;
    current: string;
    distance: number;
    normed: number;
    referenceStd: number;
    weightedDistance?: number;
  }>;
  categorical: Record<string, { reference: Record<string, number>; current: Record<string, number> }>;
  chi2Contingency: Array<{ name: string; statistic: number; pValue: number; dof: number }>;
  proportionZTest: Array<{ name: string; pValue: number }>;
  psi: Array<{
    reference: string;
    current: string;
    bins: number;
    strategy: 'quantile' | 'equal-width';
    edges: number[];
    referenceCounts: number[];
    currentCounts: number[];
    psi: number;
  }>;
  categoricalPsi: Array<{ name: string; psi: number }>;
  jensenShannon: Array<{
    name: string;
    reference: number[];
    current: number[];
    base: number | null;
    distance: number;
  }>;
  kstwoSf: Array<{ n: number; x: number; sf: number }>;
  smirnovSf: Array<{ n: number; x: number; sf: number }>;
  chi2Sf: Array<{ df: number; x: number; sf: number }>;
  normSf: Array<{ x: number; sf: number }>;
  gammaln: Array<{ x: number; value: number }>;
}

export const reference = fixtureJson as unknown as ReferenceFixture;

/** Agreement required with scipy: 1e-6 absolute for values up to 1 (probabilities, KS D,
 * distances), 1e-6 relative above (chi-square statistics, log-gamma). */
export const TOLERANCE = 1e-6;

export function expectClose(actual: number, expected: number, what: string): void {
  const allowed = TOLERANCE * Math.max(1, Math.abs(expected));
  const error = Math.abs(actual - expected);
  if (!(error <= allowed)) {
    throw new Error(`${what}: got ${actual}, scipy ${expected} (difference ${error} > ${allowed})`);
  }
}

/** A fixture sample in both input forms: raw observations and value/count pairs. */
export function fixtureSample(name: string): { raw: WeightedSample; pairs: WeightedSample } {
  const stored = reference.samples[name];
  if (!stored) throw new Error(`fixture has no sample ${name}`);
  if (stored.counts) {
    const expanded = stored.values.flatMap((value, i) => Array<number>(stored.counts![i]!).fill(value));
    return { raw: sampleFromValues(expanded), pairs: sampleFromValueCounts(stored.values, stored.counts) };
  }
  const counts = new Map<number, number>();
  for (const value of stored.values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return {
    raw: sampleFromValues(stored.values),
    pairs: sampleFromValueCounts([...counts.keys()], [...counts.values()]),
  };
}
