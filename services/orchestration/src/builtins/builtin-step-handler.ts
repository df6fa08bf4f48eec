import type { BuiltinStepName, Value } from '@flywheel/pipelines';

/** What a built-in step's code sees besides its inputs. */
export interface BuiltinStepContext {
  runId: string;
  step: string;
  attempt: number;
  /** Aborted when the attempt times out or the run is cancelled. */
  signal: AbortSignal;
  /** A line for the attempt's log (kept as its output tail). */
  log(line: string): void;
}

/**
 * One built-in step: resolved `with` inputs in, outputs out. Attempts can be interrupted at any
 * point (a crash) and run again, so a handler must be idempotent: look up what an earlier
 * attempt did before doing it again.
 */
export type BuiltinStepHandler = (
  input: Readonly<Record<string, Value>>,
  context: BuiltinStepContext,
) => Promise<Record<string, Value>>;

export type BuiltinStepHandlers = Partial<Record<BuiltinStepName, BuiltinStepHandler>>;

/** A failure the step reports on purpose; `retryable: false` when another attempt cannot help. */
export class StepFailure extends Error {
  constructor(
    message: string,
    readonly retryable = true,
  ) {
    super(message);
    this.name = 'StepFailure';
  }
}
