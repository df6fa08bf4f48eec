import type { Pipeline } from '../pipeline';
import { isSettled, type RunStatus, type StepState } from './run-state';

/**
 * Running until every step and the exit handler have settled; then cancelled if any step was
 * cancelled, failed if any step or the exit handler failed, succeeded otherwise. Steps
 * skipped because their condition was false do not fail a run.
 */
export function runStatusOf(pipeline: Pipeline, stateOf: (name: string) => StepState): RunStatus {
  const all = pipeline.onExit ? [...pipeline.steps, pipeline.onExit] : pipeline.steps;
  if (all.some((step) => !isSettled(step, stateOf(step.name)))) return 'running';
  const statuses = pipeline.steps.map((step) => stateOf(step.name).status);
  if (statuses.includes('cancelled')) return 'cancelled';
  const exitFailed = pipeline.onExit !== undefined && stateOf(pipeline.onExit.name).status === 'failed';
  return statuses.includes('failed') || exitFailed ? 'failed' : 'succeeded';
}
