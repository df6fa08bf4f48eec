import { DriftInputError } from '../errors';
import { WeightedSample, assertNonEmpty } from '../sample/weighted-sample';
import { quantiles } from './quantiles';

/**
 * How `fixedBins` places edges. 'quantile' (default) puts about the same share of the
 * reference in every bin, the usual PSI convention; 'equal-width' splits [min, max] evenly.
 */
export type BinStrategy = 'quantile' | 'equal-width';

/** Default bin count: deciles, the common choice for PSI. */
export const DEFAULT_BIN_COUNT = 10;

/**
 * Bin edges derived once from the reference, then reused for every current window so the
 * bins (and the ClickHouse query that fills them) never move. Returns strictly ascending
 * edges; `histogram` adds an underflow and an overflow bin around them.
 *
 * Quantile edges are numpy's `np.quantile(reference, np.linspace(0, 1, nBins + 1))` with
 * duplicates removed, so heavy ties yield fewer bins. Equal-width edges are
 * `np.linspace(min, max, nBins + 1)`. A constant reference gets the single bin
 * [v - 0.5, v + 0.5], as `np.histogram` does for a zero-width range.
 */
export function fixedBins(
  reference: WeightedSample,
  nBins: number = DEFAULT_BIN_COUNT,
  strategy: BinStrategy = 'quantile',
): Float64Array {
  assertNonEmpty(reference, 'reference');
  if (!Number.isSafeInteger(nBins) || nBins < 1) {
    throw new DriftInputError(`nBins is ${nBins}; it must be a positive integer`);
  }
  const low = reference.values[0]!;
  const high = reference.values[reference.values.length - 1]!;
  if (low === high) return Float64Array.of(low - 0.5, high + 0.5);
  const raw =
    strategy === 'quantile'
      ? quantiles(reference, linspace(0, 1, nBins + 1))
      : linspace(low, high, nBins + 1);
  return strictlyAscending(raw);
}

/** numpy's `linspace` arithmetic: start + i·step, with the last point set to `stop` exactly. */
function linspace(start: number, stop: number, points: number): Float64Array {
  const out = new Float64Array(points);
  const step = (stop - start) / (points - 1);
  for (let i = 0; i < points - 1; i++) out[i] = i * step + start;
  out[points - 1] = stop;
  return out;
}

function strictlyAscending(sorted: Float64Array): Float64Array {
  let size = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (size === 0 || sorted[i]! > sorted[size - 1]!) sorted[size++] = sorted[i]!;
  }
  return sorted.slice(0, size);
}
