import type { BuiltinTask, KubernetesTask, ProcessTask } from '@flywheel/pipelines';
import type { StepAttempt, StepExecutor, StepLaunch } from './step-executor';

/** Executors per kind of step. */
export interface StepExecutors {
  process: { start(launch: StepLaunch<ProcessTask>): StepAttempt };
  builtin: { start(launch: StepLaunch<BuiltinTask>): StepAttempt };
  kubernetes: { start(launch: StepLaunch<KubernetesTask>): StepAttempt };
}

/** Sends each attempt to the executor of its kind of step. */
export class StepDispatcher implements StepExecutor {
  constructor(private readonly executors: StepExecutors) {}

  start(launch: StepLaunch): StepAttempt {
    const task = launch.task;
    switch (task.kind) {
      case 'process':
        return this.executors.process.start({ ...launch, task });
      case 'builtin':
        return this.executors.builtin.start({ ...launch, task });
      case 'kubernetes':
        return this.executors.kubernetes.start({ ...launch, task });
    }
  }
}
