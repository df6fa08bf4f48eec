import type { RetryPolicy } from '../pipeline';

/**
 * How long after failed attempt `failedAttempt` (1 for the first) the next one starts:
 * `min(maxBackoff, backoff * factor^(failedAttempt - 1))`, then reduced by up to `jitter`
 * of itself using `random()` in [0, 1), so jitter never pushes a delay past the cap.
 */
export function retryDelay(policy: RetryPolicy, failedAttempt: number, random: () => number): number {
  const exponential = policy.backoffMs * policy.factor ** Math.max(0, failedAttempt - 1);
  const capped = Math.min(policy.maxBackoffMs, exponential);
  if (policy.jitter === 0) return capped;
  const draw = Math.min(1, Math.max(0, random()));
  return Math.round(capped * (1 - policy.jitter * draw));
}
