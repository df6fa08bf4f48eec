import { DriftInputError } from '../errors';

/**
 * A numeric sample as distinct values with their counts: the shape both a raw array and a
 * ClickHouse `SELECT value, count() ... GROUP BY value ORDER BY value` result reduce to.
 * Every numeric statistic walks this form, so raw and aggregated inputs give identical results.
 */
export interface WeightedSample {
  /** Distinct finite values, strictly ascending. */
  readonly values: Float64Array;
  /** Positive integer count of each value (same length as `values`). */
  readonly counts: Float64Array;
  /** Sum of `counts`: the number of observations. */
  readonly total: number;
}

/** Builds a sample from raw observations (any order). O(n log n). */
export function sampleFromValues(values: ArrayLike<number>, name = 'values'): WeightedSample {
  const sorted = Float64Array.from(values);
  for (let i = 0; i < sorted.length; i++) assertFinite(sorted[i]!, name, i);
  sorted.sort();
  return runLengthEncode(sorted);
}

/**
 * Builds a sample from value/count pairs. Values need not be sorted or distinct (duplicates
 * are merged); zero counts are dropped. Already-sorted input (the usual `ORDER BY value`)
 * skips the sort and costs O(n).
 */
export function sampleFromValueCounts(
  values: ArrayLike<number>,
  counts: ArrayLike<number>,
  name = 'sample',
): WeightedSample {
  if (values.length !== counts.length) {
    throw new DriftInputError(`${name}: values has ${values.length} entries but counts has ${counts.length}`);
  }
  let ascending = true;
  for (let i = 0; i < values.length; i++) {
    assertFinite(values[i]!, `${name}.values`, i);
    assertCount(counts[i]!, `${name}.counts`, i);
    if (i > 0 && values[i]! <= values[i - 1]!) ascending = false;
  }
  const order = Uint32Array.from({ length: values.length }, (_, i) => i);
  if (!ascending) order.sort((a, b) => values[a]! - values[b]!);
  return mergeInOrder(values, counts, order);
}

function mergeInOrder(
  values: ArrayLike<number>,
  counts: ArrayLike<number>,
  order: Uint32Array,
): WeightedSample {
  const outValues = new Float64Array(order.length);
  const outCounts = new Float64Array(order.length);
  let size = 0;
  let total = 0;
  for (let k = 0; k < order.length; k++) {
    const value = values[order[k]!]!;
    const count = counts[order[k]!]!;
    if (count === 0) continue;
    total += count;
    if (size > 0 && outValues[size - 1] === value) {
      outCounts[size - 1]! += count;
    } else {
      outValues[size] = value;
      outCounts[size++] = count;
    }
  }
  return { values: outValues.slice(0, size), counts: outCounts.slice(0, size), total };
}

function runLengthEncode(sorted: Float64Array): WeightedSample {
  const values = new Float64Array(sorted.length);
  const counts = new Float64Array(sorted.length);
  let size = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (size > 0 && values[size - 1] === sorted[i]) {
      counts[size - 1]! += 1;
    } else {
      values[size] = sorted[i]!;
      counts[size++] = 1;
    }
  }
  return { values: values.slice(0, size), counts: counts.slice(0, size), total: sorted.length };
}

function assertFinite(value: number, name: string, index: number): void {
  if (!Number.isFinite(value))
    throw new DriftInputError(`${name}[${index}] is ${value}; values must be finite numbers`);
}

function assertCount(count: number, name: string, index: number): void {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new DriftInputError(`${name}[${index}] is ${count}; counts must be non-negative integers`);
  }
}

/** Throws unless `sample` holds at least one observation. */
export function assertNonEmpty(sample: WeightedSample, name: string): void {
  if (sample.total === 0)
    throw new DriftInputError(`${name} is empty; a drift statistic needs at least one observation`);
}
