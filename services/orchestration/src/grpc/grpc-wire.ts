import { orchestrationV1 } from '@flywheel/contracts';
import { type RunStatus, stepStateOf } from '@flywheel/pipelines';
import type { StoredDefinition } from '../definitions/stored-definition';
import type { AttemptRecord, StoredRun } from '../runs/run-row';

export function definitionToWire(definition: StoredDefinition): orchestrationV1.PipelineDefinition {
  return {
    name: definition.name,
    version: definition.version,
    sha256: definition.sha256,
    yaml: definition.yaml,
    pipelineJson: JSON.stringify(definition.pipeline),
    registeredBy: definition.registeredBy,
    registeredAtMs: definition.registeredAt.getTime(),
  };
}

const RUN_STATUS: Record<RunStatus, orchestrationV1.RunStatus> = {
  running: orchestrationV1.RunStatus.RUNNING,
  succeeded: orchestrationV1.RunStatus.SUCCEEDED,
  failed: orchestrationV1.RunStatus.FAILED,
  cancelled: orchestrationV1.RunStatus.CANCELLED,
};

/** The run with every step of its definition (the exit handler last), and each step's last process attempt. */
export function runToWire(run: StoredRun, attempts: readonly AttemptRecord[]): orchestrationV1.PipelineRun {
  const lastAttempt = new Map(attempts.map((attempt) => [attempt.step, attempt]));
  const steps = [...run.pipeline.steps, ...(run.pipeline.onExit ? [run.pipeline.onExit] : [])];
  return {
    runId: run.id,
    pipelineName: run.pipelineName,
    pipelineVersion: run.pipelineVersion,
    status: RUN_STATUS[run.status],
    triggeredBy: run.triggeredBy,
    createdAtMs: run.createdAt.getTime(),
    finishedAtMs: run.finishedAt?.getTime() ?? 0,
    paramsJson: JSON.stringify(run.state.params),
    steps: steps.map(({ name }) => {
      const state = stepStateOf(run.state, name);
      const attempt = lastAttempt.get(name);
      return {
        name,
        status: state.status,
        attempts: state.attempts,
        message: state.message ?? '',
        ...(attempt?.attempt === state.attempts &&
          attempt.exitCode !== undefined && { exitCode: attempt.exitCode }),
        outputTail: attempt?.attempt === state.attempts ? attempt.outputTail : '',
        startedAtMs: state.startedAt ?? 0,
        finishedAtMs: state.finishedAt ?? 0,
        outputsJson: JSON.stringify(state.outputs ?? {}),
      };
    }),
  };
}
