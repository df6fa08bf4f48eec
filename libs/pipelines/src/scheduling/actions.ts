import type { StepTask } from '../pipeline';
import type { RunStatus } from './run-state';

/** Start an attempt now. Look `cacheKey` up first: on a hit, record `cached` with the stored outputs instead of running. */
export interface StartStep {
  readonly step: string;
  /** 1 for the first attempt; higher for a retry that is due. */
  readonly attempt: number;
  /** The task with every placeholder resolved for this run. */
  readonly task: StepTask;
  readonly cacheKey?: string;
}

export interface SkipStep {
  readonly step: string;
  readonly reason: 'condition' | 'upstream';
  readonly message: string;
}

/** Mark failed without running (and without retrying): its condition or inputs could not be evaluated. */
export interface FailStep {
  readonly step: string;
  readonly message: string;
}

/** A failed attempt will be retried at `at`: store it as the step's `retryAt`, so jitter is drawn once. */
export interface ScheduleRetry {
  readonly step: string;
  readonly attempt: number;
  readonly at: number;
}

/** The running attempt passed its deadline: stop it and record it as failed (it may be retried). Repeated until recorded. */
export interface TimeOutStep {
  readonly step: string;
  readonly attempt: number;
  readonly deadline: number;
}

/** The run is being cancelled: stop the step if `running`, and record it as cancelled. Repeated until recorded. */
export interface CancelStep {
  readonly step: string;
  readonly running: boolean;
}

/** Everything a run needs done now, and when to look again. */
export interface NextActions {
  readonly start: readonly StartStep[];
  readonly skip: readonly SkipStep[];
  readonly fail: readonly FailStep[];
  readonly retries: readonly ScheduleRetry[];
  readonly timeouts: readonly TimeOutStep[];
  readonly cancel: readonly CancelStep[];
  /** Start the exit handler now (every step has settled); it never appears in `start`. */
  readonly exitHandler: StartStep | undefined;
  /** The run's status once these actions are applied. */
  readonly runStatus: RunStatus;
  /** The earliest future time a retry or a timeout falls due; call again then (or on any step event). */
  readonly wakeAt: number | undefined;
}
