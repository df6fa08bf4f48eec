import { type BuiltinTask, formatDuration } from '@flywheel/pipelines';
import { OutputTail } from '../executor/output-tail';
import {
  type StepAttempt,
  type StepLaunch,
  type StepOutcome,
  failedOutcome,
  settledAttempt,
} from '../executor/step-executor';
import { type BuiltinStepHandlers, StepFailure } from './builtin-step-handler';

/** Keeps at most this much of what a built-in step logged. */
const LOG_LIMIT_BYTES = 16_384;

/**
 * Runs built-in (`uses:`) steps in the orchestrator's process through their handlers. A step
 * without a handler (its service is not configured) fails without retry, naming the step. The
 * step's timeout and cancellation abort the handler's signal; a handler that throws fails the
 * attempt (retryable unless it threw a `StepFailure` saying otherwise).
 */
export class BuiltinStepExecutor {
  constructor(private readonly handlers: BuiltinStepHandlers) {}

  start(launch: StepLaunch<BuiltinTask>): StepAttempt {
    const handler = this.handlers[launch.task.uses];
    if (!handler)
      return settledAttempt(
        failedOutcome(`built-in step ${launch.task.uses} is not configured on this orchestrator`, false),
      );
    const controller = new AbortController();
    const log = new OutputTail(LOG_LIMIT_BYTES);
    let stopReason: string | undefined;
    const stop = (reason: string): void => {
      stopReason ??= reason;
      controller.abort(new Error(reason));
    };
    const deadline =
      launch.timeoutMs === undefined
        ? undefined
        : setTimeout(() => stop(`timed out after ${formatDuration(launch.timeoutMs!)}`), launch.timeoutMs);
    const context = {
      runId: launch.runId,
      step: launch.step,
      attempt: launch.attempt,
      signal: controller.signal,
      log: (line: string) => log.push(Buffer.from(`${line}\n`)),
    };
    const outcome = (async (): Promise<StepOutcome> => {
      try {
        const outputs = await handler(launch.task.with, context);
        if (stopReason !== undefined) return { ...failedOutcome(stopReason), outputTail: log.text() };
        return { succeeded: true, message: '', exitCode: undefined, outputTail: log.text(), outputs };
      } catch (error) {
        const message = stopReason ?? (error instanceof Error ? error.message : String(error));
        const retryable = error instanceof StepFailure ? error.retryable : undefined;
        return { ...failedOutcome(message, retryable), outputTail: log.text() };
      } finally {
        clearTimeout(deadline);
      }
    })();
    return { outcome, stop: () => stop('stopped') };
  }
}
