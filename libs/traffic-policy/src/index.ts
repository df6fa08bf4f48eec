export { type ValidationProblem, RolloutPlanError, TrafficPolicyError } from './errors';

export { BUCKETS, toBasisPoints } from './policy/basis-points';
export {
  type CanaryTraffic,
  DEFAULT_SHADOW_SAMPLE_PERCENT,
  type ShadowTraffic,
  type TrafficPolicy,
  championOnly,
} from './policy/traffic-policy';
export { assertValidTrafficPolicy, validateTrafficPolicy } from './policy/validate-policy';
export {
  type TrafficPolicyFields,
  trafficPolicyFromFields,
  trafficPolicyToFields,
} from './policy/policy-fields';

export { type BucketPurpose, randomBucket, stickyBucket } from './routing/buckets';
export { type RouteDecision, type RouteRequest, type Variant, route } from './routing/route';

export {
  DEFAULT_MAX_WINDOW_EXTENSIONS,
  type RolloutPlan,
  type RolloutStep,
  assertValidRolloutPlan,
  validateRolloutPlan,
} from './rollout/rollout-plan';
export {
  INITIAL_ROLLOUT_STATE,
  type PolicyChangeKind,
  type RolloutEffect,
  type RolloutEvent,
  type RolloutEventType,
  type RolloutState,
  type RolloutStatus,
  type RolloutTransition,
  isFinalRolloutState,
} from './rollout/rollout-state';
export { policyForRolloutState, promotedPolicy } from './rollout/rollout-policy';
export { applyRolloutEvent } from './rollout/apply-rollout-event';
export { RolloutTransitionError } from './rollout/rollout-transition-error';
