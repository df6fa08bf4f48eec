import { RolloutEvent, RolloutState } from './rollout-state';

/**
 * Thrown when an event does not apply to the rollout's state (a verdict before its window
 * ended, a stale timer, anything after the rollout ended). The state is unchanged; callers
 * typically log the message and drop the event.
 */
export class RolloutTransitionError extends Error {
  override readonly name = 'RolloutTransitionError';

  constructor(
    readonly state: RolloutState,
    readonly event: RolloutEvent,
    why: string,
  ) {
    super(`cannot apply ${event.type} to a ${describeState(state)} rollout: ${why}`);
  }
}

function describeState(state: RolloutState): string {
  return state.status === 'progressing'
    ? `progressing (step index ${state.stepIndex}, ${state.phase})`
    : state.status;
}
