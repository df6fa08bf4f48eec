import type { StepTask, Value } from '@flywheel/pipelines';

/** How an attempt of any kind of step ended. */
export interface StepOutcome {
  succeeded: boolean;
  /** Why it failed; empty when it succeeded. */
  message: string;
  /** Process steps only. */
  exitCode: number | undefined;
  /** The end of the attempt's log (process output, or what a built-in step reported). */
  outputTail: string;
  /** What later steps may reference as `steps.<name>.outputs`. */
  outputs?: Readonly<Record<string, Value>>;
  /** `false`: retrying cannot help (bad input, refused by a gate), so the retry policy is ignored. */
  retryable?: boolean;
}

/** A running attempt: its outcome, and a way to stop it early. */
export interface StepAttempt {
  readonly outcome: Promise<StepOutcome>;
  stop(): void;
}

export interface StepLaunch<T extends StepTask = StepTask> {
  runId: string;
  step: string;
  attempt: number;
  /** Resolved by `nextActions`: placeholders already rendered. */
  task: T;
  timeoutMs: number | undefined;
  /** The step's retry limit (a Kubernetes Job's `backoffLimit`). */
  retryLimit?: number;
}

/** Starts attempts of steps; an executor never throws from `start`, it reports through `outcome`. */
export interface StepExecutor {
  start(launch: StepLaunch): StepAttempt;
}

/** An attempt that already ended (a step that could not even start). */
export function settledAttempt(outcome: StepOutcome): StepAttempt {
  return { outcome: Promise.resolve(outcome), stop: () => undefined };
}

export function failedOutcome(message: string, retryable?: boolean): StepOutcome {
  return {
    succeeded: false,
    message,
    exitCode: undefined,
    outputTail: '',
    ...(retryable === undefined ? {} : { retryable }),
  };
}
