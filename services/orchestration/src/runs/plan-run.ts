import {
  type Pipeline,
  type RunState,
  type RunStatus,
  type StartStep,
  type Step,
  type Value,
  type StepTask,
  nextActions,
  recordCached,
  recordCancelled,
  recordDecisions,
  recordFailed,
  recordStarted,
  runStatusOf,
  stepStateOf,
} from '@flywheel/pipelines';

/** An attempt to launch once the state that records it as running is committed. */
export interface PlannedLaunch {
  step: string;
  attempt: number;
  task: StepTask;
  timeoutMs: number | undefined;
  retryLimit: number;
  /** Set for `cache: true` steps: the outputs are stored under it when the attempt succeeds. */
  cacheKey?: string;
}

export interface RunPlan {
  state: RunState;
  status: RunStatus;
  launches: PlannedLaunch[];
  /** Running attempts to stop (the run is being cancelled), by `step/attempt` key. */
  stops: string[];
}

export const attemptKey = (step: string, attempt: number): string => `${step}/${attempt}`;

const INTERRUPTED = 'interrupted: the orchestrator watching this attempt stopped before it finished';
/** More rounds than any definition can need: each round settles or starts at least one step. */
const MAX_ROUNDS = 2_000;

/**
 * Applies everything a run needs now, from `nextActions`, until nothing more changes:
 * an attempt recorded running that this instance is not watching (`isWatched`) was interrupted
 * and fails (its retry policy decides what follows); steps start (launched by the caller after
 * commit, every kind through its executor), or, for a `cache: true` step whose key is in
 * `cached`, are recorded cached with the stored outputs; cancellations of running
 * attempts are stopped. Timeouts of watched attempts are the executor's own.
 */
export function planRun(
  pipeline: Pipeline,
  initial: RunState,
  now: number,
  isWatched: (key: string) => boolean,
  cached: ReadonlyMap<string, Readonly<Record<string, Value>>> = new Map(),
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
  const stepNamed = (name: string): Step | undefined =>
    pipeline.onExit?.name === name ? pipeline.onExit : pipeline.steps.find((step) => step.name === name);
  const start = (action: StartStep): void => {
    const hit = action.cacheKey === undefined ? undefined : cached.get(action.cacheKey);
    if (hit) {
      state = recordCached(state, action.step, hit, now);
      return;
    }
    state = recordStarted(state, action.step, action.attempt, now);
    launches.push({
      step: action.step,
      attempt: action.attempt,
      task: action.task,
      timeoutMs: stepNamed(action.step)?.timeoutMs,
      retryLimit: stepNamed(action.step)?.retry.limit ?? 0,
      ...(action.cacheKey !== undefined && { cacheKey: action.cacheKey }),
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
