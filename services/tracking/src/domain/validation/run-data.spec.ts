import { TrackingError } from '../tracking-error';
import { LOG_BATCH_LIMITS, checkBatchLimits, checkBatchRequestSize } from './batch-limits';
import { MAX_PARAM_VALUE_LENGTH, MAX_TAG_VALUE_LENGTH, validateRunData } from './run-data';

const metric = (key: string, extra: Partial<{ value: number; timestamp: number; step: number }> = {}) => ({
  key,
  value: 1,
  timestamp: 1,
  step: 0,
  ...extra,
});

describe('validateRunData', () => {
  it('accepts MLflow key characters, including colons, slashes and non-Latin letters', () => {
    const batch = { metrics: [metric('val/loss:top-1 ä')], params: [{ key: 'lr', value: '0.1' }], tags: [] };
    expect(validateRunData(batch)).toEqual(batch);
  });

  it.each([
    [
      'a/../b',
      'Invalid value "a/../b" for parameter \'metrics[0].name\' supplied: Names may be treated as files',
    ],
    ['./a', "This name would resolve to 'a'"],
    ['a/', "This name would resolve to 'a'"],
    ['bad*key', 'Names may only contain alphanumerics'],
    ['k'.repeat(251), "'Metric name' exceeds the maximum length of 250 characters"],
  ])('refuses the metric key %j naming the field', (key, message) => {
    const validate = () => validateRunData({ metrics: [metric(key)], params: [], tags: [] });
    expect(validate).toThrow(TrackingError);
    expect(validate).toThrow(message);
  });

  it('words paths as the one-item endpoints do when asked', () => {
    expect(() =>
      validateRunData({ metrics: [], params: [{ key: '..', value: 'x' }], tags: [] }, true),
    ).toThrow("for parameter 'key' supplied");
  });

  it('refuses negative timestamps and fractional steps', () => {
    expect(() =>
      validateRunData({ metrics: [metric('m', { timestamp: -1 })], params: [], tags: [] }),
    ).toThrow("Invalid value -1 for parameter 'metrics[0].timestamp' supplied");
    expect(() => validateRunData({ metrics: [metric('m', { step: 1.5 })], params: [], tags: [] })).toThrow(
      "for parameter 'metrics[0].step' supplied",
    );
  });

  it('keeps NaN and infinite metric values', () => {
    const metrics = [metric('a', { value: Number.NaN }), metric('b', { value: -Infinity })];
    expect(validateRunData({ metrics, params: [], tags: [] }).metrics).toEqual(metrics);
  });

  it('truncates long param and tag values as the MLflow server does', () => {
    const result = validateRunData({
      metrics: [],
      params: [{ key: 'p', value: 'x'.repeat(MAX_PARAM_VALUE_LENGTH + 5) }],
      tags: [{ key: 't', value: 'y'.repeat(MAX_TAG_VALUE_LENGTH + 5) }],
    });
    expect(result.params[0]!.value).toHaveLength(MAX_PARAM_VALUE_LENGTH);
    expect(result.tags[0]!.value).toHaveLength(MAX_TAG_VALUE_LENGTH);
  });

  it('refuses one param key twice in a batch, listing the duplicates', () => {
    const params = [
      { key: 'a', value: '1' },
      { key: 'a', value: '1' },
    ];
    expect(() => validateRunData({ metrics: [], params, tags: [] })).toThrow(
      'Duplicate parameter keys have been submitted: ["a"]',
    );
  });
});

describe('log-batch limits', () => {
  const many = (count: number) => Array.from({ length: count }, (_, i) => ({ key: `k${i}`, value: 'v' }));

  it('accepts batches at the limits', () => {
    expect(() =>
      checkBatchLimits({ metrics: Array(1000).fill(metric('m')), params: [], tags: [] }),
    ).not.toThrow();
    expect(() => checkBatchLimits({ metrics: [], params: many(100), tags: many(100) })).not.toThrow();
    expect(() => checkBatchRequestSize(LOG_BATCH_LIMITS.requestBytes)).not.toThrow();
  });

  it('refuses each limit with its MLflow message', () => {
    expect(() => checkBatchLimits({ metrics: [], params: [], tags: many(101) })).toThrow(
      'A batch logging request can contain at most 100 tags. Got 101 tags.',
    );
    expect(() =>
      checkBatchLimits({ metrics: Array(901).fill(metric('m')), params: many(100), tags: [] }),
    ).toThrow('at most 1000 metrics, params, and tags. Got 1001 metrics, params, and tags.');
    expect(() => checkBatchRequestSize(1_000_001)).toThrow(
      'Batched logging API requests must be at most 1000000 bytes, got a request of size 1000001.',
    );
  });
});
