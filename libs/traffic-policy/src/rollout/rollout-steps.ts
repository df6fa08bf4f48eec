import { RolloutPlan } from './rollout-plan';
import { canaryAtStep, policyForRolloutState, promotedPolicy } from './rollout-policy';
import { PolicyChangeKind, RolloutEffect, RolloutState, RolloutTransition } from './rollout-state';

/** Human label of a step, e.g. "step 2/4 (25%)". */
export function stepLabel(plan: RolloutPlan, stepIndex: number): string {
  return `step ${stepIndex + 1}/${plan.steps.length} (${plan.steps[stepIndex]?.weightPercent}%)`;
}

/** Moves the canary to `stepIndex`'s share and arms the timer that ends its window. */
export function enterStep(
  plan: RolloutPlan,
  stepIndex: number,
  atMs: number,
  kind: PolicyChangeKind,
): RolloutTransition {
  const step = plan.steps[stepIndex]!;
  const policy = canaryAtStep(plan, stepIndex);
  const label = stepLabel(plan, stepIndex);
  const reason =
    kind === 'rollout_started'
      ? `canary ${plan.canaryVersion} started at ${label}`
      : `canary ${plan.canaryVersion} healthy, advanced to ${label}`;
  const windowEndsAtMs = atMs + step.analysisWindowMs;
  return {
    state: {
      status: 'progressing',
      stepIndex,
      phase: 'observing',
      stepStartedAtMs: atMs,
      windowEndsAtMs,
      windowExtensions: 0,
    },
    policy,
    effects: [
      { type: 'publish_policy', kind, policy, reason },
      { type: 'schedule_step_timer', stepIndex, fireAtMs: windowEndsAtMs },
    ],
    description: reason,
  };
}

/** The canary becomes champion: traffic first, then the registry alias. */
export function promote(plan: RolloutPlan, atMs: number): RolloutTransition {
  const policy = promotedPolicy(plan);
  const reason = `canary ${plan.canaryVersion} passed all ${plan.steps.length} steps and was promoted to champion`;
  return {
    state: { status: 'promoted', atMs },
    policy,
    effects: [
      { type: 'publish_policy', kind: 'promoted', policy, reason },
      { type: 'set_alias', alias: 'champion', version: plan.canaryVersion },
    ],
    description: reason,
  };
}

/**
 * Sends all traffic back to the baseline (canary weight 0) and points the champion alias at
 * the baseline champion again, in that order so traffic is safe first.
 */
export function rollBack(
  plan: RolloutPlan,
  state: Extract<RolloutState, { status: 'progressing' }>,
  atMs: number,
  cause: string,
): RolloutTransition {
  const reason = `rollback of canary ${plan.canaryVersion} at ${stepLabel(plan, state.stepIndex)}: ${cause}`;
  const effects: RolloutEffect[] = [];
  if (state.phase === 'observing') effects.push({ type: 'cancel_step_timer', stepIndex: state.stepIndex });
  effects.push(
    { type: 'publish_policy', kind: 'rolled_back', policy: plan.baseline, reason },
    { type: 'set_alias', alias: 'champion', version: plan.baseline.championVersion },
  );
  return {
    state: { status: 'rolled_back', atMs, stepIndex: state.stepIndex, reason: cause },
    policy: plan.baseline,
    effects,
    description: reason,
  };
}

/** Keeps the step's share for another full window, or rolls back once extensions run out. */
export function extendOrRollBack(
  plan: RolloutPlan,
  state: Extract<RolloutState, { status: 'progressing' }>,
  atMs: number,
  cause: string,
  maxExtensions: number,
): RolloutTransition {
  if (state.windowExtensions >= maxExtensions) {
    return rollBack(
      plan,
      state,
      atMs,
      `insufficient evidence after ${state.windowExtensions} window extensions: ${cause}`,
    );
  }
  const windowEndsAtMs = atMs + plan.steps[state.stepIndex]!.analysisWindowMs;
  const next: RolloutState = {
    ...state,
    phase: 'observing',
    windowEndsAtMs,
    windowExtensions: state.windowExtensions + 1,
  };
  return {
    state: next,
    policy: policyForRolloutState(plan, next),
    effects: [{ type: 'schedule_step_timer', stepIndex: state.stepIndex, fireAtMs: windowEndsAtMs }],
    description: `${stepLabel(plan, state.stepIndex)} window extended (${next.windowExtensions}/${maxExtensions}): ${cause}`,
  };
}
