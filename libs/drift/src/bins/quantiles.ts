import { WeightedSample, assertNonEmpty } from '../sample/weighted-sample';

/**
 * Quantiles of a sample at ascending `levels` in [0, 1], with numpy's default 'linear'
 * method (virtual index (n - 1)·q between order statistics) and numpy's interpolation
 * arithmetic, so edges agree with `np.quantile` bit for bit. One pass over the sample.
 */
export function quantiles(sample: WeightedSample, levels: ArrayLike<number>): Float64Array {
  assertNonEmpty(sample, 'sample');
  const out = new Float64Array(levels.length);
  const order = new OrderStatistics(sample);
  for (let k = 0; k < levels.length; k++) {
    const virtualIndex = (sample.total - 1) * levels[k]!;
    const below = Math.floor(virtualIndex);
    if (virtualIndex >= sample.total - 1) {
      out[k] = order.at(sample.total - 1);
      continue;
    }
    out[k] = lerp(order.at(below), order.at(below + 1), virtualIndex - below);
  }
  return out;
}

/** numpy's `_lerp`: interpolates from the nearer end to keep results inside [a, b]. */
function lerp(a: number, b: number, t: number): number {
  const difference = b - a;
  return t >= 0.5 ? b - difference * (1 - t) : a + difference * t;
}

/** Reads order statistics at non-decreasing ranks by walking cumulative counts once. */
class OrderStatistics {
  private index = 0;
  private countBefore = 0;

  constructor(private readonly sample: WeightedSample) {}

  at(rank: number): number {
    const { values, counts } = this.sample;
    while (this.countBefore + counts[this.index]! <= rank) {
      this.countBefore += counts[this.index]!;
      this.index++;
    }
    return values[this.index]!;
  }
}
