/** Refill rate and size of a token bucket: `ratePerSecond` tokens a second, at most `capacity` saved up. */
export interface TokenBucketShape {
  ratePerSecond: number;
  capacity: number;
}

/** One bucket's state: tokens held at `updatedAt` (epoch ms, from the caller's clock). */
export interface TokenBucketState {
  tokens: number;
  updatedAt: number;
}

export type TakeResult = { allowed: true } | { allowed: false; retryAfterMs: number };

/** A bucket that starts full, so a new caller may burst up to `capacity` at once. */
export function fullBucket(shape: TokenBucketShape, now: number): TokenBucketState {
  return { tokens: shape.capacity, updatedAt: now };
}

/**
 * Takes one token if there is one, refilling first for the time passed since the last update.
 * A clock that steps backwards refills nothing rather than draining the bucket.
 */
export function takeToken(shape: TokenBucketShape, state: TokenBucketState, now: number): TakeResult {
  const elapsedMs = Math.max(0, now - state.updatedAt);
  state.tokens = Math.min(shape.capacity, state.tokens + (elapsedMs * shape.ratePerSecond) / 1000);
  state.updatedAt = Math.max(state.updatedAt, now);
  if (state.tokens >= 1) {
    state.tokens -= 1;
    return { allowed: true };
  }
  return { allowed: false, retryAfterMs: Math.ceil(((1 - state.tokens) * 1000) / shape.ratePerSecond) };
}

/** True when the bucket would be full at `now`: forgetting it changes nothing. */
export function isRefilled(shape: TokenBucketShape, state: TokenBucketState, now: number): boolean {
  return state.tokens + (Math.max(0, now - state.updatedAt) * shape.ratePerSecond) / 1000 >= shape.capacity;
}
