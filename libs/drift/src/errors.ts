/**
 * Thrown when an input cannot yield a meaningful statistic (empty sample, negative count,
 * NaN value, mismatched lengths). The message names the offending argument so a caller
 * can tell which feature or window was bad.
 */
export class DriftInputError extends Error {
  override readonly name = 'DriftInputError';
}
