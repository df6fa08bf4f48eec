import { type RunState, type RunStatus, stepStateOf } from '@flywheel/pipelines';

/** One state change: a step (or the run itself, step '') entering `status`. */
export interface StateChange {
  step: string;
  status: string;
  attempt: number;
  message: string;
}

/**
 * What changed between two states of a run, in step order, then the run's status if it
 * changed: each step whose status or attempt number moved (a retry is a new `running`).
 */
export function stateChanges(
  steps: readonly string[],
  before: { state: RunState; status: RunStatus } | undefined,
  after: { state: RunState; status: RunStatus },
): StateChange[] {
  const changes: StateChange[] = [];
  for (const step of steps) {
    const previous = before && stepStateOf(before.state, step);
    const next = stepStateOf(after.state, step);
    if (previous?.status === next.status && previous.attempts === next.attempts) continue;
    if (!previous && next.status === 'pending') continue;
    changes.push({ step, status: next.status, attempt: next.attempts, message: next.message ?? '' });
  }
  if (before?.status !== after.status)
    changes.push({ step: '', status: after.status, attempt: 0, message: '' });
  return changes;
}
