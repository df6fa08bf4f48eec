import { InferenceLog, InferenceStatus, Variant } from '@flywheel/contracts';
import { checkInferenceLog } from './check-inference-log';
import type { FeatureSchema } from './feature-schema';

const log = (overrides: Partial<InferenceLog> = {}): InferenceLog =>
  InferenceLog.fromPartial({
    requestId: 'r-1',
    modelName: 'churn',
    modelVersion: 3,
    variant: Variant.CANARY,
    timestampMs: Date.UTC(2026, 0, 1),
    numericFeatures: { age: 42, tenure: 1.5 },
    categoricalFeatures: { plan: 'pro', active: 'true' },
    prediction: { score: 0.7, label: 'churn' },
    latencyMs: 3,
    status: InferenceStatus.OK,
    ...overrides,
  });

const schema: FeatureSchema = {
  inputs: [
    { name: 'age', kind: 'integer' },
    { name: 'tenure', kind: 'numeric' },
    { name: 'plan', kind: 'categorical' },
    { name: 'active', kind: 'boolean' },
  ],
};

const reasonOf = (value: InferenceLog, withSchema?: FeatureSchema): string | undefined => {
  const check = checkInferenceLog(value, withSchema);
  return check.ok ? undefined : check.reason;
};

describe('checkInferenceLog', () => {
  it('accepts a complete log and names its variant and status columns', () => {
    expect(checkInferenceLog(log(), schema)).toEqual({ ok: true, variant: 'canary', status: 'ok' });
  });

  it.each([
    [{ requestId: '' }, 'request_id is required'],
    [{ modelName: ' ' }, 'model_name is required'],
    [{ modelVersion: -1 }, 'model_version must be a version number >= 0, got -1'],
    [{ variant: 9 as Variant }, 'variant 9 is not a known Variant'],
    [{ status: InferenceStatus.UNRECOGNIZED }, 'status -1 is not a known InferenceStatus'],
    [{ timestampMs: 0 }, 'timestamp_ms must be a positive epoch-millisecond time, got 0'],
    [{ timestampMs: Date.UTC(2300, 0, 1) }, `timestamp_ms ${Date.UTC(2300, 0, 1)} is after 2200-01-01`],
    [{ latencyMs: Number.NaN }, 'latency_ms must be a finite number >= 0, got NaN'],
    [{ numericFeatures: { age: Number.POSITIVE_INFINITY } }, 'numeric_features.age must be a finite number, got Infinity'],
    [{ categoricalFeatures: { '': 'x' } }, 'categorical_features has an empty name'],
    [{ prediction: { score: Number.NaN, label: '', rawOutputs: {} } }, 'prediction.score must be a finite number, got NaN'],
  ] as [Partial<InferenceLog>, string][])('refuses %j: %s', (overrides, reason) => {
    expect(reasonOf(log(overrides))).toBe(reason);
  });

  it('reads an unspecified status from the error text', () => {
    expect(checkInferenceLog(log({ status: InferenceStatus.UNSPECIFIED, error: 'timeout' }), undefined)).toMatchObject({ status: 'error' });
    expect(checkInferenceLog(log({ status: InferenceStatus.UNSPECIFIED }), undefined)).toMatchObject({ status: 'ok' });
  });

  it('refuses a log missing a feature the signature requires', () => {
    expect(reasonOf(log({ numericFeatures: { age: 42 } }), schema)).toBe('feature tenure is required by the signature of model churn version 3');
  });

  it('refuses features of the wrong kind, naming the feature and the expected type', () => {
    expect(reasonOf(log({ numericFeatures: { age: 42.5, tenure: 1 } }), schema)).toBe('feature age must be a whole number (signature of model churn version 3), got 42.5');
    expect(reasonOf(log({ numericFeatures: { age: 42, tenure: 1, plan: 3 }, categoricalFeatures: { active: 'true' } }), schema)).toBe(
      'feature plan must be categorical (signature of model churn version 3), got numeric 3',
    );
    expect(reasonOf(log({ categoricalFeatures: { plan: 'pro', active: 'maybe' } }), schema)).toBe(
      'feature active must be a boolean (0/1 or "true"/"false", signature of model churn version 3), got "maybe"',
    );
  });

  it('does not hold failed inferences to the schema: their error rate must stay complete', () => {
    expect(checkInferenceLog(log({ status: InferenceStatus.ERROR, error: 'boom', numericFeatures: {}, categoricalFeatures: {} }), schema)).toMatchObject({ ok: true, status: 'error' });
  });

  it('accepts values outside any training range: drift detection has to see them', () => {
    expect(checkInferenceLog(log({ numericFeatures: { age: 1_000_000, tenure: -5 } }), schema).ok).toBe(true);
  });
});
