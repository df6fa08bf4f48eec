import { BUCKETS } from '../policy/basis-points';
import { describeValue } from '../policy/describe-value';
import { murmur3 } from './murmur3';

// Part of the routing contract: changing either seed reassigns every sticky caller.
const CANARY_SEED = 0;
// A second seed makes shadow sampling independent of the canary split for the same key.
const SHADOW_SEED = 0x5bd1e995;

const utf8 = new TextEncoder();

/** What a bucket decides: whether the caller lands in the canary or in the shadow sample. */
export type BucketPurpose = 'canary' | 'shadow';

/**
 * The bucket in [0, 10 000) of a sticky key. A request goes to the canary when its bucket is
 * below the canary weight in basis points, so one key keeps its variant while the weight
 * stays above its bucket, and raising the weight only ever moves keys onto the canary.
 */
export function stickyBucket(key: string, purpose: BucketPurpose = 'canary'): number {
  const hash = murmur3(utf8.encode(key), purpose === 'canary' ? CANARY_SEED : SHADOW_SEED);
  // Multiply-shift reduction keeps the well-mixed high bits (exact: < 2^46).
  return Math.floor((hash * BUCKETS) / 2 ** 32);
}

/** The bucket in [0, 10 000) of one draw of `random`, which must return a number in [0, 1). */
export function randomBucket(random: () => number): number {
  const draw = random();
  if (typeof draw !== 'number' || !(draw >= 0 && draw < 1)) {
    throw new RangeError(`random() must return a number in [0, 1), got ${describeValue(draw)}`);
  }
  return Math.floor(draw * BUCKETS);
}
