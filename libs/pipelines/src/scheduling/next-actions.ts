import { parseCondition } from '../expressions/condition';
import { evaluateExpression, type ExpressionContext } from '../expressions/evaluator';
import { topologicalOrder } from '../graph/dependency-graph';
import type { Pipeline, Step } from '../pipeline';
import { describeValue } from '../values';
import type {
  CancelStep,
  FailStep,
  NextActions,
  ScheduleRetry,
  SkipStep,
  StartStep,
  TimeOutStep,
} from './actions';
import { stepCacheKey } from './cache-key';
import { resolveTask } from './resolve-task';
import { retryDelay } from './retry-delay';
import { runStatusOf } from './run-status';
import {
  hasRetriesLeft,
  hasSucceeded,
  isSettled,
  stepStateOf,
  type RunState,
  type StepState,
} from './run-state';

export interface NextActionsOptions {
  /** Draws jitter for retry delays, in [0, 1); inject a seeded one for reproducible runs. */
  readonly random?: () => number;
}

/**
 * Decides what a run needs now, from the pipeline (as `parsePipeline` returned it), the
 * stored state of its steps and the current time. Pure: the same input gives the same
 * actions (with jitter, persist `retries[].at` as `retryAt` to keep it so).
 *
 * Steps start once every dependency succeeded (or was cached) and their `when` holds; a step
 * whose dependency failed, was skipped or cancelled is skipped, and so on downstream within
 * the same call. Retries are due `retryDelay` after the failed attempt ended; a running
 * attempt past `timeout` is reported for stopping. On cancellation every unsettled step is
 * cancelled. The exit handler starts when every step has settled, whatever the outcome.
 */
export function nextActions(
  pipeline: Pipeline,
  run: RunState,
  now: number,
  options: NextActionsOptions = {},
): NextActions {
  return new RunPlanner(pipeline, run, now, options.random ?? Math.random).plan();
}

class RunPlanner {
  /** Step states as they will be once the actions decided so far are applied. */
  private readonly states = new Map<string, StepState>();
  private readonly byName: ReadonlyMap<string, Step>;
  private readonly start: StartStep[] = [];
  private readonly skip: SkipStep[] = [];
  private readonly fail: FailStep[] = [];
  private readonly retries: ScheduleRetry[] = [];
  private readonly timeouts: TimeOutStep[] = [];
  private readonly cancel: CancelStep[] = [];
  private exitHandler: StartStep | undefined;
  private wakeAt: number | undefined;

  constructor(
    private readonly pipeline: Pipeline,
    private readonly run: RunState,
    private readonly now: number,
    private readonly random: () => number,
  ) {
    this.byName = new Map(pipeline.steps.map((step) => [step.name, step]));
  }

  plan(): NextActions {
    const graph = new Map(this.pipeline.steps.map((step) => [step.name, step.dependsOn]));
    for (const name of topologicalOrder(graph).order) this.planStep(this.byName.get(name)!, false);
    const onExit = this.pipeline.onExit;
    const allSettled = this.pipeline.steps.every((step) => isSettled(step, this.state(step.name)));
    if (onExit && allSettled) this.planStep(onExit, true);
    const { start, skip, fail, retries, timeouts, cancel, exitHandler, wakeAt } = this;
    const runStatus = runStatusOf(this.pipeline, (name) => this.state(name));
    return { start, skip, fail, retries, timeouts, cancel, exitHandler, runStatus, wakeAt };
  }

  private planStep(step: Step, isExitHandler: boolean): void {
    const state = this.state(step.name);
    const cancelling = this.run.cancelRequested === true && !isExitHandler;
    switch (state.status) {
      case 'pending':
        return cancelling ? this.cancelStep(step, false) : this.planPending(step, isExitHandler);
      case 'running':
        return cancelling ? this.cancelStep(step, true) : this.watchDeadline(step, state);
      case 'failed':
        if (!hasRetriesLeft(step, state)) return;
        return cancelling ? this.cancelStep(step, false) : this.planRetry(step, state, isExitHandler);
      case 'succeeded':
      case 'cached':
      case 'skipped':
      case 'cancelled':
        return;
    }
  }

  private planPending(step: Step, isExitHandler: boolean): void {
    const dependencies = step.dependsOn.map((name) => ({
      name,
      state: this.state(name),
      settled: isSettled(this.byName.get(name)!, this.state(name)),
    }));
    // One dependency that settled without succeeding means the step can never run: skip it
    // now rather than after its other dependencies finish.
    const blocker = dependencies.find(({ state, settled }) => settled && !hasSucceeded(state));
    if (!blocker && dependencies.some(({ settled }) => !settled)) return;
    if (blocker) {
      const outcome = blocker.state.status === 'failed' ? 'failed' : `was ${blocker.state.status}`;
      return this.skipStep(step, 'upstream', `depends on ${blocker.name}, which ${outcome}`);
    }
    if (step.when !== undefined) {
      const verdict = this.evaluateCondition(step.when);
      if (typeof verdict === 'string') return this.failStep(step, verdict);
      if (!verdict) return this.skipStep(step, 'condition', `condition is false: ${step.when}`);
    }
    this.startAttempt(step, 1, isExitHandler);
  }

  /** true or false, or a message saying why it has no truth value. */
  private evaluateCondition(condition: string): boolean | string {
    const parsed = parseCondition(condition);
    if (!parsed.ok) return `when: ${parsed.error.message}`;
    const value = evaluateExpression(parsed.value.expression, this.context());
    if (!value.ok) return `when: ${value.error.message}`;
    return typeof value.value === 'boolean'
      ? value.value
      : `when: a condition must be true or false, got ${describeValue(value.value)}`;
  }

  private startAttempt(step: Step, attempt: number, isExitHandler: boolean): void {
    const task = resolveTask(step.task, this.context());
    if (!task.ok) return this.failStep(step, task.error);
    const action: StartStep = {
      step: step.name,
      attempt,
      task: task.value,
      ...(step.cache && { cacheKey: stepCacheKey(step, task.value) }),
    };
    if (isExitHandler) this.exitHandler = action;
    else this.start.push(action);
    this.states.set(step.name, { status: 'running', attempts: attempt, startedAt: this.now });
  }

  private watchDeadline(step: Step, state: StepState): void {
    if (step.timeoutMs === undefined || state.startedAt === undefined) return;
    const deadline = state.startedAt + step.timeoutMs;
    if (deadline <= this.now) this.timeouts.push({ step: step.name, attempt: state.attempts, deadline });
    else this.wake(deadline);
  }

  private planRetry(step: Step, state: StepState, isExitHandler: boolean): void {
    const at =
      state.retryAt ?? (state.finishedAt ?? this.now) + retryDelay(step.retry, state.attempts, this.random);
    if (at <= this.now) return this.startAttempt(step, state.attempts + 1, isExitHandler);
    if (state.retryAt === undefined) this.retries.push({ step: step.name, attempt: state.attempts + 1, at });
    this.wake(at);
  }

  private skipStep(step: Step, reason: SkipStep['reason'], message: string): void {
    this.skip.push({ step: step.name, reason, message });
    this.states.set(step.name, { ...this.state(step.name), status: 'skipped', message });
  }

  private failStep(step: Step, message: string): void {
    this.fail.push({ step: step.name, message });
    this.states.set(step.name, { ...this.state(step.name), status: 'failed', retryable: false, message });
  }

  private cancelStep(step: Step, running: boolean): void {
    this.cancel.push({ step: step.name, running });
    // A running attempt counts as running until the caller has stopped it, so the exit
    // handler never overlaps a step that is still shutting down.
    if (!running) this.states.set(step.name, { ...this.state(step.name), status: 'cancelled' });
  }

  private wake(at: number): void {
    this.wakeAt = this.wakeAt === undefined ? at : Math.min(this.wakeAt, at);
  }

  private state(name: string): StepState {
    return this.states.get(name) ?? stepStateOf(this.run, name);
  }

  private context(): ExpressionContext {
    const steps = [...this.pipeline.steps, ...(this.pipeline.onExit ? [this.pipeline.onExit] : [])];
    return {
      params: this.run.params,
      steps: Object.fromEntries(steps.map((step) => [step.name, viewOf(this.state(step.name))])),
    };
  }
}

function viewOf(state: StepState): { status: string; outputs?: StepState['outputs'] } {
  return state.outputs === undefined
    ? { status: state.status }
    : { status: state.status, outputs: state.outputs };
}
