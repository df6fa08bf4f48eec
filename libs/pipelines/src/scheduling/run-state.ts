import type { Step } from '../pipeline';
import type { StepStatus } from '../step-status';
import type { Value } from '../values';

/** One step's progress in a run, as the orchestration service stores it. Times are ms since the epoch. */
export interface StepState {
  readonly status: StepStatus;
  /** Attempts started so far; 0 while pending. */
  readonly attempts: number;
  /** Start of the current (running) or last attempt. */
  readonly startedAt?: number;
  /** End of the last attempt; required for `failed`, as retry delays count from it. */
  readonly finishedAt?: number;
  /** When the next attempt may start, recorded from a `retries` action. */
  readonly retryAt?: number;
  /** false: this failure must not be retried (for example a condition that could not be evaluated). */
  readonly retryable?: boolean;
  readonly outputs?: Readonly<Record<string, Value>>;
  /** Why the step failed, was skipped or cancelled. */
  readonly message?: string;
}

export interface RunState {
  /** Every parameter, defaults applied (see `resolveParams`). */
  readonly params: Readonly<Record<string, Value>>;
  /** By step name, the exit handler included; a missing entry means pending. */
  readonly steps: Readonly<Record<string, StepState>>;
  readonly cancelRequested?: boolean;
}

export type RunStatus = 'running' | 'succeeded' | 'failed' | 'cancelled';

export const PENDING: StepState = { status: 'pending', attempts: 0 };

export function stepStateOf(run: RunState, name: string): StepState {
  return Object.hasOwn(run.steps, name) ? run.steps[name]! : PENDING;
}

/** A failed attempt that its retry policy will try again. */
export function hasRetriesLeft(step: Step, state: StepState): boolean {
  return state.status === 'failed' && state.retryable !== false && state.attempts < step.retry.limit + 1;
}

/** The step will not change state any more in this run. */
export function isSettled(step: Step, state: StepState): boolean {
  switch (state.status) {
    case 'pending':
    case 'running':
      return false;
    case 'failed':
      return !hasRetriesLeft(step, state);
    case 'succeeded':
    case 'cached':
    case 'skipped':
    case 'cancelled':
      return true;
  }
}

/** Downstream steps may start: the step produced its outputs. */
export function hasSucceeded(state: StepState): boolean {
  return state.status === 'succeeded' || state.status === 'cached';
}
