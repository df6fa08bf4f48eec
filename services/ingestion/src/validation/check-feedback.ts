import type { InferenceFeedback } from '@flywheel/contracts';
import { requiredProblem, timestampProblem } from './event-checks';

/** Why feedback cannot be stored, or undefined when it can. */
export function checkFeedback(feedback: InferenceFeedback): string | undefined {
  return (
    requiredProblem('request_id', feedback.requestId) ??
    requiredProblem('model_name', feedback.modelName) ??
    (Number.isFinite(feedback.value) ? undefined : `value must be a finite number, got ${feedback.value}`) ??
    timestampProblem('timestamp_ms', feedback.timestampMs)
  );
}
