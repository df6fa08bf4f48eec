import { InferenceStatus, Variant } from '@flywheel/contracts';
import { type InferenceRecord, toInferenceLogs } from './inference-log-entry';

const record: InferenceRecord = {
  requestId: 'r1',
  modelName: 'churn',
  modelVersion: 3,
  variant: 'canary',
  timestampMs: 1_700_000_000_000,
  inputs: [{ name: 'features', datatype: 'FP32', shape: [2, 2], data: Float32Array.from([1, 2, 3, 4]) }],
  featureNames: ['age', 'income'],
  outputs: [{ name: 'probability', datatype: 'FP32', shape: [2, 1], data: Float32Array.from([0.25, 0.75]) }],
  latencyMs: 0.5,
};

describe('toInferenceLogs', () => {
  it('writes one log per row with named numeric features, score and raw outputs', () => {
    expect(toInferenceLogs(record)).toEqual([
      expect.objectContaining({ requestId: 'r1', variant: Variant.CANARY, modelVersion: 3, numericFeatures: { age: 1, income: 2 }, prediction: { score: 0.25, label: '', rawOutputs: { probability: 0.25 } }, status: InferenceStatus.OK, error: '' }),
      expect.objectContaining({ requestId: 'r1:1', numericFeatures: { age: 3, income: 4 }, prediction: { score: 0.75, label: '', rawOutputs: { probability: 0.75 } } }),
    ]);
  });

  it('names columns by input and index without feature names, and keeps strings as categorical', () => {
    const [log] = toInferenceLogs({
      ...record,
      featureNames: undefined,
      inputs: [
        { name: 'x', datatype: 'INT64', shape: [1, 2], data: BigInt64Array.from([5n, 6n]) },
        { name: 'city', datatype: 'BYTES', shape: [1], data: ['Lyon'] },
      ],
      outputs: [],
    });
    expect(log).toMatchObject({ numericFeatures: { x_0: 5, x_1: 6 }, categoricalFeatures: { city: 'Lyon' } });
  });

  it('records a failure with status error and its message', () => {
    expect(toInferenceLogs({ ...record, outputs: [], error: 'inputs[0].shape: bad' })[0]).toMatchObject({ status: InferenceStatus.ERROR, error: 'inputs[0].shape: bad' });
  });
});
