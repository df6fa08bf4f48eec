import { InferenceFeedback } from '@flywheel/contracts';
import { checkFeedback } from './check-feedback';

describe('checkFeedback', () => {
  const feedback = (overrides: Partial<InferenceFeedback> = {}): InferenceFeedback =>
    InferenceFeedback.fromPartial({ requestId: 'r', modelName: 'm', label: 'churn', timestampMs: 1_700_000_000_000, ...overrides });

  it('accepts a label, or a value of 0 (a regression target)', () => {
    expect(checkFeedback(feedback())).toBeUndefined();
    expect(checkFeedback(feedback({ label: '', value: 0 }))).toBeUndefined();
  });

  it.each([
    [{ requestId: '' }, 'request_id is required'],
    [{ modelName: '' }, 'model_name is required'],
    [{ value: Number.NaN }, 'value must be a finite number, got NaN'],
    [{ timestampMs: -1 }, 'timestamp_ms must be a positive epoch-millisecond time, got -1'],
  ] as [Partial<InferenceFeedback>, string][])('refuses %j: %s', (overrides, reason) => {
    expect(checkFeedback(feedback(overrides))).toBe(reason);
  });
});
