import {
  type Pipeline,
  type ProcessTask,
  type RunState,
  type RunStatus,
  type StartStep,
  type StepTask,
  nextActions,
  recordCancelled,
  recordDecisions,
  recordFailed,
  recordStarted,
  runStatusOf,
  stepStateOf,
} from '@flywheel/pipelines';

/** A process attempt to launch once the state that records it as running is committed. */
export interface PlannedLaunch {
  step: string;
  attempt: number;
  task: ProcessTask;
  timeoutMs: number | undefined;
}

export interface RunPlan {
  state: RunState;
  status: RunStatus;
  launches: PlannedLaunch[];
  /** Running attempts to stop (the run is being cancelled), by `step/attempt` key. */
  stops: string[];
}

/** Why a step this orchestrator version cannot execute fails; `undefined` for a process step. */
export function notExecutableReason(task: StepTask): string | undefined {
  switch (task.kind) {
    case 'process':
      return undefined;
    case 'builtin':
      return `built-in step ${task.uses} is not executable by this orchestrator version`;
    case 'kubernetes':
      return 'kubernetes steps are not executable by this orchestrator version';
  }
}

export const attemptKey = (step: string, attempt: number): string => `${step}/${attempt}`;

const INTERRUPTED = 'interrupted: the orchestrator watching this attempt stopped before it finished';
/** More rounds than any definition can need: each round settles or starts at least one step. */
const MAX_ROUNDS = 2_000;

/**
 * Applies everything a run needs now, from `nextActions`, until nothing more changes:
 * an attempt recorded running that this instance is not watching (`isWatched`) was interrupted
 * and fails (its retry policy decides what follows); steps start (processes are launched by the
 * caller after commit; other kinds fail at once with the reason); cancellations of running
 * attempts are stopped. Timeouts of watched attempts are the executor's own.
 */
export function planRun(
  pipeline: Pipeline,
  initial: RunState,
  now: number,
  isWatched: (key: string) => boolean,
): RunPlan {
  const launches: PlannedLaunch[] = [];
  const stops: string[] = [];
  let state = initial;
  for (const step of [...pipeline.steps, ...(pipeline.onExit ? [pipeline.onExit] : [])]) {
    const current = stepStateOf(state, step.name);
    if (current.status === 'running' && !isWatched(attemptKey(step.name, current.attempts))) {
      state = recordFailed(state, step.name, now, { message: INTERRUPTED });
    }
  }
  const timeoutOf = (name: string): number | undefined =>
    (pipeline.onExit?.name === name ? pipeline.onExit : pipeline.steps.find((step) => step.name === name))
      ?.timeoutMs;
  const start = (action: StartStep): void => {
    state = recordStarted(state, action.step, action.attempt, now);
    const reason = notExecutableReason(action.task);
    if (reason !== undefined)
      state = recordFailed(state, action.step, now, { message: reason, retryable: false });
    else if (action.task.kind === 'process')
      launches.push({
        step: action.step,
        attempt: action.attempt,
        task: action.task,
        timeoutMs: timeoutOf(action.step),
      });
  };

  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const before = state;
    const actions = nextActions(pipeline, state, now);
    state = recordDecisions(state, actions, now);
    for (const action of actions.start) start(action);
    if (actions.exitHandler) start(actions.exitHandler);
    for (const cancel of actions.cancel) {
      if (!cancel.running) continue;
      stops.push(attemptKey(cancel.step, stepStateOf(state, cancel.step).attempts));
      state = recordCancelled(state, cancel.step, now);
    }
    if (JSON.stringify(before) === JSON.stringify(state)) break;
  }
  return { state, status: runStatusOf(pipeline, (name) => stepStateOf(state, name)), launches, stops };
}
