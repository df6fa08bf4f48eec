/**
 * How often a failing batch handler is retried before its records are dead-lettered, and how
 * long to wait in between (doubling from `initialBackoffMs`, capped at `maxBackoffMs`).
 */
export interface RetryPolicy {
  /** Retries after the first attempt (default 3). 0 dead-letters on the first failure. */
  retries: number;
  /** Pause before the first retry (default 200 ms). */
  initialBackoffMs: number;
  /** Longest pause between retries (default 5 s). */
  maxBackoffMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({ retries: 3, initialBackoffMs: 200, maxBackoffMs: 5_000 });
