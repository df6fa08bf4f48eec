import type { InferenceFeedback } from '@flywheel/contracts';

/** The columns of `feedback` an insert writes, in the order of `FeedbackRow`. */
export const FEEDBACK_COLUMNS = ['request_id', 'model_name', 'label', 'value', 'timestamp'] as const;

/** One `feedback` row as a JSONCompactEachRow array (timestamp in epoch milliseconds). */
export type FeedbackRow = [requestId: string, modelName: string, label: string, value: number, timestampMs: number];

/** Maps validated feedback (see `checkFeedback`) to its row. */
export function feedbackRow(feedback: InferenceFeedback): FeedbackRow {
  return [feedback.requestId, feedback.modelName, feedback.label, feedback.value, feedback.timestampMs];
}
