import { performance } from 'node:perf_hooks';
import {
  KeyedRateLimiter,
  type Principal,
  type RouteRequirement,
  isAction,
  isMutatingAction,
  principalKey,
} from '@flywheel/access';

/**
 * Per-principal rate limit on mutating calls (routes whose action is not a read or a
 * prediction), one token bucket per principal for the whole process: every service app of a
 * process shares it, so a caller cannot multiply its budget by spreading calls across them.
 */
export class CallRateLimiter {
  constructor(private readonly buckets: KeyedRateLimiter) {}

  /** `ratePerSecond` sustained, bursts of twice that; undefined (no limit) for 0. */
  static perSecond(
    ratePerSecond: number,
    now: () => number = () => performance.now(),
  ): CallRateLimiter | undefined {
    if (ratePerSecond <= 0) return undefined;
    return new CallRateLimiter(new KeyedRateLimiter({ ratePerSecond, now }));
  }

  /** Undefined when the call may proceed; otherwise how many milliseconds to wait before retrying. */
  delayFor(requirement: RouteRequirement | undefined, principal: Principal): number | undefined {
    if (!isAction(requirement) || !isMutatingAction(requirement)) return undefined;
    const taken = this.buckets.take(principalKey(principal));
    return taken.allowed ? undefined : taken.retryAfterMs;
  }
}
