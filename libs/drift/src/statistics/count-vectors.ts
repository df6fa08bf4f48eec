import { DriftInputError } from '../errors';

/**
 * Validates a pair of aligned count vectors (bins or categories in the same order) and returns
 * their totals. Counts may be any non-negative finite numbers; each side needs a positive total.
 */
export function countTotals(reference: ArrayLike<number>, current: ArrayLike<number>): [number, number] {
  if (reference.length !== current.length) {
    throw new DriftInputError(
      `reference has ${reference.length} bins but current has ${current.length}; count vectors must be aligned`,
    );
  }
  return [total(reference, 'reference'), total(current, 'current')];
}

function total(counts: ArrayLike<number>, name: string): number {
  let sum = 0;
  for (let i = 0; i < counts.length; i++) {
    const count = counts[i]!;
    if (!(count >= 0) || count === Infinity) {
      throw new DriftInputError(`${name}[${i}] is ${count}; counts must be non-negative finite numbers`);
    }
    sum += count;
  }
  if (sum === 0) throw new DriftInputError(`${name} is empty: its counts sum to zero`);
  return sum;
}
