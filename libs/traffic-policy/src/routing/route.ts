import { BUCKETS, toBasisPoints } from '../policy/basis-points';
import { DEFAULT_SHADOW_SAMPLE_PERCENT, TrafficPolicy } from '../policy/traffic-policy';
import { assertValidTrafficPolicy } from '../policy/validate-policy';
import { BucketPurpose, randomBucket, stickyBucket } from './buckets';

export type Variant = 'champion' | 'canary';

export interface RouteRequest {
  /**
   * Identifies the caller (user id, session id) so it keeps seeing one version. Empty or
   * absent: the request is routed by `random`. Prefix it with the model name when one
   * caller's canary membership should differ between models.
   */
  stickyKey?: string;
  /**
   * Uniform draws in [0, 1), injected so routing stays pure. Called only for requests without
   * a sticky key, and only for a split that is not already decided (a weight or sample of
   * exactly 0 or 100 percent): at most once for the canary, then at most once for the shadow.
   */
  random: () => number;
}

export interface RouteDecision {
  /** The version whose answer is returned to the caller. */
  primary: { version: number; variant: Variant };
  /** The version that also receives a copy of this request; its answer is only logged. */
  shadow?: { version: number };
}

/** Decides which version answers a request and whether a shadow copy is made. */
export function route(policy: TrafficPolicy, request: RouteRequest): RouteDecision {
  assertValidTrafficPolicy(policy);
  const { canary, shadow } = policy;
  // `!= null`: a policy decoded from JSON may carry `canary: null`.
  const inCanary = canary != null && lands(canary.weightPercent, 'canary', request);
  const decision: RouteDecision = {
    primary: inCanary
      ? { version: canary.version, variant: 'canary' }
      : { version: policy.championVersion, variant: 'champion' },
  };
  if (shadow && lands(shadow.samplePercent ?? DEFAULT_SHADOW_SAMPLE_PERCENT, 'shadow', request)) {
    decision.shadow = { version: shadow.version };
  }
  return decision;
}

/** Whether the request falls inside a share of `percent` (validated, so whole basis points). */
function lands(percent: number, purpose: BucketPurpose, request: RouteRequest): boolean {
  const threshold = toBasisPoints(percent) ?? 0;
  if (threshold <= 0) return false;
  if (threshold >= BUCKETS) return true;
  const bucket = request.stickyKey ? stickyBucket(request.stickyKey, purpose) : randomBucket(request.random);
  return bucket < threshold;
}
