import type { Pipeline } from '../src/pipeline';
import { nextActions } from '../src/scheduling/next-actions';
import {
  hasSucceeded,
  isSettled,
  stepStateOf,
  type RunState,
  type RunStatus,
} from '../src/scheduling/run-state';
import {
  recordCancelled,
  recordDecisions,
  recordFailed,
  recordStarted,
  recordSucceeded,
  requestCancel,
} from '../src/scheduling/transitions';

/** How the simulated executor treats one attempt: how long it takes and whether it succeeds. */
export interface AttemptOutcome {
  readonly durationMs: number;
  readonly succeeds: boolean;
}

export interface SimulationOptions {
  readonly params: RunState['params'];
  readonly outcome: (step: string, attempt: number) => AttemptOutcome;
  /** Request cancellation once the clock reaches this time. */
  readonly cancelAt?: number;
  readonly random?: () => number;
}

export interface SimulationResult {
  readonly run: RunState;
  readonly status: RunStatus;
  /** Every attempt started, in order, with the time it started and ended. */
  readonly attempts: ReadonlyArray<{ step: string; attempt: number; startedAt: number; endedAt?: number }>;
  /** Invariant violations seen while running. */
  readonly violations: readonly string[];
}

/**
 * Drives a run the way the orchestration service does: apply decisions, start attempts on a
 * fake executor, stop timed-out and cancelled ones, advance the clock to the next completion
 * or wake-up time. Checks, at every start, that the step's dependencies succeeded and that
 * it is not already running.
 */
export function simulateRun(pipeline: Pipeline, options: SimulationOptions): SimulationResult {
  let run: RunState = { params: options.params, steps: {} };
  let now = 0;
  const running = new Map<
    string,
    { attempt: number; endsAt: number; succeeds: boolean; record: { endedAt?: number } }
  >();
  const attempts: Array<{ step: string; attempt: number; startedAt: number; endedAt?: number }> = [];
  const violations: string[] = [];
  const stepsByName = new Map(pipeline.steps.map((step) => [step.name, step]));

  for (let round = 0; round < 10_000; round += 1) {
    if (options.cancelAt !== undefined && now >= options.cancelAt && !run.cancelRequested)
      run = requestCancel(run);
    const actions = nextActions(pipeline, run, now, { random: options.random ?? (() => 0.5) });
    run = recordDecisions(run, actions, now);
    const starts = actions.exitHandler ? [...actions.start, actions.exitHandler] : actions.start;
    for (const start of starts) {
      if (running.has(start.step)) violations.push(`${start.step} started while already running`);
      const step = stepsByName.get(start.step);
      for (const dependency of step?.dependsOn ?? []) {
        if (!hasSucceeded(stepStateOf(run, dependency)))
          violations.push(`${start.step} started before ${dependency} succeeded`);
      }
      if (
        !step &&
        !pipeline.steps.every((candidate) => isSettled(candidate, stepStateOf(run, candidate.name)))
      ) {
        violations.push('exit handler started before every step settled');
      }
      const outcome = options.outcome(start.step, start.attempt);
      const record: { step: string; attempt: number; startedAt: number; endedAt?: number } = {
        step: start.step,
        attempt: start.attempt,
        startedAt: now,
      };
      attempts.push(record);
      running.set(start.step, {
        attempt: start.attempt,
        endsAt: now + outcome.durationMs,
        succeeds: outcome.succeeds,
        record,
      });
      run = recordStarted(run, start.step, start.attempt, now);
    }
    for (const timeout of actions.timeouts) {
      stop(timeout.step);
      run = recordFailed(run, timeout.step, now, { message: 'timed out' });
    }
    for (const cancel of actions.cancel.filter((action) => action.running)) {
      stop(cancel.step);
      run = recordCancelled(run, cancel.step, now);
    }
    const acted =
      starts.length +
      actions.skip.length +
      actions.fail.length +
      actions.retries.length +
      actions.timeouts.length +
      actions.cancel.length;
    if (actions.runStatus !== 'running' && running.size === 0)
      return { run, status: actions.runStatus, attempts, violations };
    if (acted > 0) continue;
    const nextEnd = Math.min(...[...running.values()].map((attempt) => attempt.endsAt));
    const candidates = [
      nextEnd,
      actions.wakeAt ?? Infinity,
      options.cancelAt !== undefined && !run.cancelRequested ? options.cancelAt : Infinity,
    ];
    const next = Math.min(...candidates);
    if (next === Infinity) {
      violations.push(`stuck at ${now} with status ${actions.runStatus}`);
      return { run, status: actions.runStatus, attempts, violations };
    }
    now = Math.max(now, next);
    for (const [step, attempt] of [...running]) {
      if (attempt.endsAt > now) continue;
      stop(step);
      run = attempt.succeeds
        ? recordSucceeded(run, step, { value: attempt.attempt }, now)
        : recordFailed(run, step, now, { message: 'failed' });
    }
  }
  violations.push('did not finish within 10000 rounds');
  return { run, status: 'running', attempts, violations };

  function stop(step: string): void {
    const attempt = running.get(step);
    if (attempt) attempt.record.endedAt = now;
    running.delete(step);
  }
}
