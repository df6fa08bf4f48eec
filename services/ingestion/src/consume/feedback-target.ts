import type { InferenceFeedback } from '@flywheel/contracts';
import type { DecodedMessage } from '@flywheel/kafka';
import { FEEDBACK_COLUMNS, feedbackRow, type FeedbackRow } from '../rows/feedback-row';
import { checkFeedback } from '../validation/check-feedback';
import type { IngestTarget, Mapped } from './batch-ingestor';

/** Ground-truth feedback into `feedback` (ReplacingMergeTree: the latest label per request wins). */
export class FeedbackTarget implements IngestTarget<InferenceFeedback, FeedbackRow> {
  readonly table = 'feedback';
  readonly columns = FEEDBACK_COLUMNS;

  map(messages: readonly DecodedMessage<InferenceFeedback>[]): Promise<Mapped<FeedbackRow>[]> {
    return Promise.resolve(
      messages.map(({ value }) => {
        const reason = checkFeedback(value);
        return reason === undefined ? { row: feedbackRow(value) } : { reason };
      }),
    );
  }
}
