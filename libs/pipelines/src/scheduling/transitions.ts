import type { Value } from '../values';
import type { NextActions } from './actions';
import { stepStateOf, type RunState, type StepState } from './run-state';

/**
 * The state changes `nextActions` expects, as pure functions returning a new RunState.
 * The orchestration service applies the same changes to its stored rows; these keep the
 * fields consistent (attempt counts, times, cleared retry times).
 */
export function recordStarted(run: RunState, step: string, attempt: number, now: number): RunState {
  return withStep(run, step, { status: 'running', attempts: attempt, startedAt: now });
}

export function recordSucceeded(
  run: RunState,
  step: string,
  outputs: Readonly<Record<string, Value>>,
  now: number,
): RunState {
  return update(run, step, (state) => ({
    status: 'succeeded',
    attempts: state.attempts,
    ...started(state),
    finishedAt: now,
    outputs,
  }));
}

/** The step's cache key matched an earlier result: its outputs are reused and nothing runs. */
export function recordCached(
  run: RunState,
  step: string,
  outputs: Readonly<Record<string, Value>>,
  now: number,
): RunState {
  return update(run, step, (state) => ({
    status: 'cached',
    attempts: state.attempts,
    finishedAt: now,
    outputs,
  }));
}

/** An attempt failed (or timed out); `retryable: false` stops further attempts. */
export function recordFailed(
  run: RunState,
  step: string,
  now: number,
  failure: { message: string; retryable?: boolean },
): RunState {
  return update(run, step, (state) => ({
    status: 'failed',
    attempts: state.attempts,
    ...started(state),
    finishedAt: now,
    message: failure.message,
    ...(failure.retryable === false && { retryable: false }),
  }));
}

export function recordRetryScheduled(run: RunState, step: string, at: number): RunState {
  return update(run, step, (state) => ({ ...state, retryAt: at }));
}

export function recordSkipped(run: RunState, step: string, now: number, message: string): RunState {
  return update(run, step, (state) => ({
    status: 'skipped',
    attempts: state.attempts,
    finishedAt: now,
    message,
  }));
}

export function recordCancelled(run: RunState, step: string, now: number): RunState {
  return update(run, step, (state) => ({
    status: 'cancelled',
    attempts: state.attempts,
    ...started(state),
    finishedAt: now,
  }));
}

export function requestCancel(run: RunState): RunState {
  return { ...run, cancelRequested: true };
}

/**
 * Applies the decisions that need no executor: skips, failures without running, retry times,
 * and cancellation of steps that are not running. Starting steps, stopping running ones and
 * timing them out stay with the caller.
 */
export function recordDecisions(run: RunState, actions: NextActions, now: number): RunState {
  let next = run;
  for (const skip of actions.skip) next = recordSkipped(next, skip.step, now, skip.message);
  for (const fail of actions.fail)
    next = recordFailed(next, fail.step, now, { message: fail.message, retryable: false });
  for (const retry of actions.retries) next = recordRetryScheduled(next, retry.step, retry.at);
  for (const cancel of actions.cancel) if (!cancel.running) next = recordCancelled(next, cancel.step, now);
  return next;
}

function started(state: StepState): { startedAt?: number } {
  return state.startedAt === undefined ? {} : { startedAt: state.startedAt };
}

function update(run: RunState, step: string, change: (state: StepState) => StepState): RunState {
  return withStep(run, step, change(stepStateOf(run, step)));
}

function withStep(run: RunState, step: string, state: StepState): RunState {
  return { ...run, steps: { ...run.steps, [step]: state } };
}
