import { invalidArgument } from './inference-error';

/** Largest element count a tensor may declare; far above any message the size limit admits. */
const MAX_ELEMENTS = 2 ** 31;

/**
 * Checks a requested shape (non-negative integers) and returns its element count.
 * @throws InferenceError naming `field` when a dimension is negative, fractional or absurd.
 */
export function elementCount(shape: readonly unknown[], field: string): number {
  let count = 1;
  for (let i = 0; i < shape.length; i++) {
    const dim = shape[i];
    if (typeof dim !== 'number' || !Number.isInteger(dim) || dim < 0) {
      throw invalidArgument(`${field}[${i}]: dimension must be a non-negative integer, got ${String(dim)}`);
    }
    count *= dim;
    if (count > MAX_ELEMENTS) throw invalidArgument(`${field}: shape declares more than ${MAX_ELEMENTS} elements`);
  }
  return count;
}
