import { WeightedSample, assertNonEmpty } from './weighted-sample';

/** Population standard deviation (ddof = 0, as numpy's `np.std`), two-pass for stability. */
export function populationStd(sample: WeightedSample, name = 'sample'): number {
  assertNonEmpty(sample, name);
  const { values, counts, total } = sample;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]! * counts[i]!;
  const mean = sum / total;
  let squares = 0;
  for (let i = 0; i < values.length; i++) {
    const deviation = values[i]! - mean;
    squares += deviation * deviation * counts[i]!;
  }
  return Math.sqrt(squares / total);
}

/** Number of distinct values across both samples (Evidently's `n_unique` of the concatenation). */
export function distinctValueCount(a: WeightedSample, b: WeightedSample): number {
  let i = 0;
  let j = 0;
  let distinct = 0;
  while (i < a.values.length || j < b.values.length) {
    const x = i < a.values.length ? a.values[i]! : Infinity;
    const y = j < b.values.length ? b.values[j]! : Infinity;
    if (x <= y) i++;
    if (y <= x) j++;
    distinct++;
  }
  return distinct;
}
