import type { Pipeline, Step } from '../src/pipeline';
import type { AttemptOutcome } from './simulate-run';

export type FinalStatus = 'succeeded' | 'failed' | 'skipped';

/**
 * An independent model of a run without cancellation, for the conditions the random
 * definitions use: walk steps in declaration order (dependencies always come earlier),
 * skip when a dependency did not succeed or the condition is false, otherwise try attempts
 * until one succeeds within the timeout or the retry limit is reached.
 */
export function expectedOutcome(
  pipeline: Pipeline,
  go: boolean,
  outcome: (step: string, attempt: number) => AttemptOutcome,
): Map<string, FinalStatus> {
  const statuses = new Map<string, FinalStatus>();
  const successfulAttempt = new Map<string, number>();
  const settle = (step: Step): void => {
    if (step.dependsOn.some((dependency) => statuses.get(dependency) !== 'succeeded') || !holds(step.when)) {
      statuses.set(step.name, 'skipped');
      return;
    }
    for (let attempt = 1; attempt <= step.retry.limit + 1; attempt += 1) {
      const { durationMs, succeeds } = outcome(step.name, attempt);
      if (succeeds && (step.timeoutMs === undefined || durationMs <= step.timeoutMs)) {
        statuses.set(step.name, 'succeeded');
        successfulAttempt.set(step.name, attempt);
        return;
      }
    }
    statuses.set(step.name, 'failed');
  };
  const holds = (condition: string | undefined): boolean => {
    if (condition === undefined || condition === 'true') return true;
    if (condition === 'params.go') return go;
    if (condition === 'not params.go') return !go;
    const output = /^steps\.(\w+)\.outputs\.value >= 2$/.exec(condition);
    if (output) return successfulAttempt.get(output[1]!)! >= 2;
    if (/^steps\.\w+\.status == 'succeeded'$/.test(condition)) return true;
    throw new Error(`the model does not know condition ${condition}`);
  };
  pipeline.steps.forEach(settle);
  if (pipeline.onExit) settle(pipeline.onExit);
  return statuses;
}
