import { DEFAULT_MAX_WINDOW_EXTENSIONS, RolloutPlan, assertValidRolloutPlan } from './rollout-plan';
import { policyForRolloutState } from './rollout-policy';
import { enterStep, extendOrRollBack, promote, rollBack, stepLabel } from './rollout-steps';
import { RolloutTransitionError } from './rollout-transition-error';
import { RolloutEvent, RolloutState, RolloutTransition } from './rollout-state';

type Progressing = Extract<RolloutState, { status: 'progressing' }>;

/**
 * The rollout's next state, the policy then in force and the effects to perform, for one
 * event. Throws `RolloutTransitionError` (state unchanged) when the event does not apply,
 * and `RolloutPlanError` when the plan itself is invalid.
 */
export function applyRolloutEvent(
  plan: RolloutPlan,
  state: RolloutState,
  event: RolloutEvent,
): RolloutTransition {
  assertValidRolloutPlan(plan);
  const reject = (why: string): RolloutTransitionError => new RolloutTransitionError(state, event, why);
  if (!Number.isFinite(event.atMs)) throw reject(`atMs must be a finite epoch time, got ${event.atMs}`);
  if (event.type === 'rollback_requested' && event.canaryVersion !== plan.canaryVersion) {
    throw reject(`it names canary ${event.canaryVersion} but this rollout's canary is ${plan.canaryVersion}`);
  }
  switch (state.status) {
    case 'pending':
      return fromPending(plan, state, event, reject);
    case 'progressing':
      if (!plan.steps[state.stepIndex])
        throw reject(`the state's step index is outside the plan's ${plan.steps.length} steps`);
      return fromProgressing(plan, state, event, reject);
    case 'promoted':
    case 'rolled_back':
    case 'aborted':
      throw reject(`the rollout already ended (${state.status})`);
  }
}

function fromPending(
  plan: RolloutPlan,
  state: RolloutState,
  event: RolloutEvent,
  reject: (why: string) => RolloutTransitionError,
): RolloutTransition {
  switch (event.type) {
    case 'start':
      return enterStep(plan, 0, event.atMs, 'rollout_started');
    case 'rollback_requested':
    case 'abort': {
      // No traffic has moved, so there is nothing to restore and nothing to publish.
      const next: RolloutState = { status: 'aborted', atMs: event.atMs, reason: event.reason };
      const description = `rollout of canary ${plan.canaryVersion} aborted before it started: ${event.reason}`;
      return { state: next, policy: policyForRolloutState(plan, next), effects: [], description };
    }
    case 'step_timer':
    case 'analysis_passed':
    case 'analysis_inconclusive':
    case 'analysis_failed':
      throw reject(`the rollout has not started (state ${state.status})`);
  }
}

function fromProgressing(
  plan: RolloutPlan,
  state: Progressing,
  event: RolloutEvent,
  reject: (why: string) => RolloutTransitionError,
): RolloutTransition {
  if ('stepIndex' in event && event.stepIndex !== state.stepIndex) {
    throw reject(
      `the event is for step index ${event.stepIndex} but the rollout is at step index ${state.stepIndex} (stale)`,
    );
  }
  const step = plan.steps[state.stepIndex]!;
  const maxExtensions = plan.maxWindowExtensions ?? DEFAULT_MAX_WINDOW_EXTENSIONS;
  switch (event.type) {
    case 'start':
      throw reject('the rollout already started');
    case 'abort':
      throw reject(
        'traffic has already shifted to the canary; send rollback_requested to restore the champion',
      );
    case 'rollback_requested':
      return rollBack(plan, state, event.atMs, `requested: ${event.reason}`);
    case 'analysis_failed':
      // Accepted while observing too: a canary that is clearly unhealthy must not finish its window.
      return rollBack(plan, state, event.atMs, `analysis failed: ${event.reason}`);
    case 'step_timer':
      if (state.phase === 'analysing') throw reject('the analysis of this step is already running');
      if (event.atMs < state.windowEndsAtMs) {
        throw reject(
          `the analysis window ends at ${state.windowEndsAtMs}, the timer fired early at ${event.atMs}`,
        );
      }
      return {
        state: { ...state, phase: 'analysing' },
        policy: policyForRolloutState(plan, state),
        effects: [
          {
            type: 'run_analysis',
            stepIndex: state.stepIndex,
            canaryVersion: plan.canaryVersion,
            championVersion: plan.baseline.championVersion,
            windowStartMs: state.stepStartedAtMs,
            windowEndMs: event.atMs,
            minRequests: step.minRequests,
          },
        ],
        description: `${stepLabel(plan, state.stepIndex)} window ended; analysing canary ${plan.canaryVersion}`,
      };
    case 'analysis_inconclusive':
    case 'analysis_passed':
      if (state.phase === 'observing') {
        throw reject(`the analysis window is still open until ${state.windowEndsAtMs}`);
      }
      if (event.type === 'analysis_inconclusive') {
        return extendOrRollBack(plan, state, event.atMs, event.reason, maxExtensions);
      }
      if (!(event.canaryRequests >= step.minRequests)) {
        const cause = `${event.canaryRequests} canary requests, fewer than the ${step.minRequests} required`;
        return extendOrRollBack(plan, state, event.atMs, cause, maxExtensions);
      }
      return state.stepIndex + 1 < plan.steps.length
        ? enterStep(plan, state.stepIndex + 1, event.atMs, 'step_advanced')
        : promote(plan, event.atMs);
  }
}
