import { TrafficPolicy } from '../policy/traffic-policy';
import { RolloutPlan } from './rollout-plan';
import { RolloutState } from './rollout-state';

/**
 * The traffic policy a rollout in `state` calls for; republishing it after a restart
 * restores the gateway to where the rollout stands.
 */
export function policyForRolloutState(plan: RolloutPlan, state: RolloutState): TrafficPolicy {
  switch (state.status) {
    case 'pending':
    case 'aborted':
    case 'rolled_back':
      return plan.baseline;
    case 'progressing':
      return canaryAtStep(plan, state.stepIndex);
    case 'promoted':
      return promotedPolicy(plan);
  }
}

export function canaryAtStep(plan: RolloutPlan, stepIndex: number): TrafficPolicy {
  const step = plan.steps[stepIndex];
  if (!step) throw new RangeError(`stepIndex ${stepIndex} is outside the plan's ${plan.steps.length} steps`);
  return { ...plan.baseline, canary: { version: plan.canaryVersion, weightPercent: step.weightPercent } };
}

/** The canary becomes champion; the baseline's shadow and sticky header carry over. */
export function promotedPolicy(plan: RolloutPlan): TrafficPolicy {
  return { ...plan.baseline, championVersion: plan.canaryVersion };
}
