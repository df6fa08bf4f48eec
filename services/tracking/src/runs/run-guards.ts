import type { LifecycleStage } from '../domain/lifecycle';
import type { RunInfo } from '../domain/run';
import { failedPrecondition, notFound } from '../domain/tracking-error';

export function runNotFound(runId: string) {
  return notFound(`Run with id=${runId} not found`);
}

/**
 * Refuses writing to a run that does not exist or is not active (MLflow's wording). Takes the
 * run or just its stage.
 */
export function activeRun<T extends RunInfo | LifecycleStage>(run: T | undefined, runId: string): T {
  if (run === undefined) throw runNotFound(runId);
  const stage = typeof run === 'string' ? run : run.lifecycleStage;
  if (stage !== 'active') {
    throw failedPrecondition(`The run ${runId} must be in the 'active' state. Current state is ${stage}.`);
  }
  return run;
}
