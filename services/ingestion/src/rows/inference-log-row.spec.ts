import { InferenceLog, InferenceStatus, Variant } from '@flywheel/contracts';
import { INFERENCE_LOG_COLUMNS, inferenceLogRow } from './inference-log-row';

describe('inferenceLogRow', () => {
  it('lays a log out in the column order of the insert', () => {
    const log = InferenceLog.fromPartial({
      requestId: 'r',
      modelName: 'm',
      modelVersion: 2,
      variant: Variant.SHADOW,
      timestampMs: 1_700_000_000_123,
      numericFeatures: { a: 1 },
      categoricalFeatures: { b: 'x' },
      prediction: { score: 0.25, label: 'no', rawOutputs: { yes: 0.25 } },
      latencyMs: 4.5,
      status: InferenceStatus.OK,
    });
    const row = inferenceLogRow(log, 'shadow', 'ok');
    expect(row).toHaveLength(INFERENCE_LOG_COLUMNS.length);
    expect(Object.fromEntries(INFERENCE_LOG_COLUMNS.map((column, i) => [column, row[i]]))).toEqual({
      request_id: 'r',
      model_name: 'm',
      model_version: 2,
      variant: 'shadow',
      timestamp: 1_700_000_000_123,
      numeric_features: { a: 1 },
      categorical_features: { b: 'x' },
      prediction_score: 0.25,
      prediction_label: 'no',
      raw_outputs: { yes: 0.25 },
      latency_ms: 4.5,
      status: 'ok',
      error: '',
    });
  });

  it('stores a log without prediction with a zero score and an empty label', () => {
    const row = inferenceLogRow(InferenceLog.fromPartial({ requestId: 'r', status: InferenceStatus.ERROR, error: 'boom' }), 'unspecified', 'error');
    expect(row.slice(7, 10)).toEqual([0, '', {}]);
  });
});
