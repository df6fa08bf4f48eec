import {
  type TakeResult,
  type TokenBucketShape,
  type TokenBucketState,
  fullBucket,
  isRefilled,
  takeToken,
} from './token-bucket';

export interface KeyedRateLimiterOptions {
  /** Sustained calls a second per key; must be positive. */
  ratePerSecond: number;
  /** Calls a key may make at once after being idle; default twice the rate (at least 1). */
  burst?: number;
  /** The caller's clock in milliseconds (this library keeps no clock of its own). */
  now: () => number;
  /** Most keys tracked at once (default 100 000); beyond it idle keys are forgotten first. */
  maxKeys?: number;
}

export const DEFAULT_MAX_RATE_LIMITED_KEYS = 100_000;

/**
 * One token bucket per key (a principal): `take(key)` admits a call or says how long to wait.
 * Memory stays bounded: when more than `maxKeys` keys are tracked, buckets that have refilled
 * completely are dropped (recreating them full is equivalent), then the least recently used.
 */
export class KeyedRateLimiter {
  private readonly shape: TokenBucketShape;
  private readonly maxKeys: number;
  private readonly buckets = new Map<string, TokenBucketState>();

  constructor(private readonly options: KeyedRateLimiterOptions) {
    const { ratePerSecond } = options;
    if (!(Number.isFinite(ratePerSecond) && ratePerSecond > 0)) {
      throw new RangeError(`ratePerSecond must be a positive number, got ${ratePerSecond}`);
    }
    const capacity = options.burst ?? Math.max(1, 2 * ratePerSecond);
    if (!(Number.isFinite(capacity) && capacity >= 1)) {
      throw new RangeError(`burst must be at least 1, got ${capacity}`);
    }
    this.shape = { ratePerSecond, capacity };
    this.maxKeys = options.maxKeys ?? DEFAULT_MAX_RATE_LIMITED_KEYS;
  }

  take(key: string): TakeResult {
    const now = this.options.now();
    let bucket = this.buckets.get(key);
    if (bucket) {
      this.buckets.delete(key); // re-inserted below: the map's order is least recently used first
    } else {
      bucket = fullBucket(this.shape, now);
      if (this.buckets.size >= this.maxKeys) this.evict(now);
    }
    this.buckets.set(key, bucket);
    return takeToken(this.shape, bucket, now);
  }

  /** Keys currently tracked (for tests and metrics). */
  get size(): number {
    return this.buckets.size;
  }

  // Drops refilled buckets, then the least recently used, down to 90% so eviction is rare.
  private evict(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (isRefilled(this.shape, bucket, now)) this.buckets.delete(key);
    }
    const target = Math.floor(this.maxKeys * 0.9);
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= target) break;
      this.buckets.delete(key);
    }
  }
}
