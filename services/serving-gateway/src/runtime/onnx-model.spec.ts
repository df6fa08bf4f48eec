/**
 * @jest-environment ../../scripts/jest-onnxruntime-environment.js
 */
import { encodeLogisticRegressionOnnx } from '@flywheel/onnx';
import type { Tensor } from '../protocol/datatypes';
import { OnnxModel } from './onnx-model';

// The real onnxruntime on a logistic regression (input `features` FP32 [-1, 4], output
// `probability` FP32 [-1, 1]): dynamic batching must answer exactly what single runs answer.
const FEATURES = 4;
const bytes = encodeLogisticRegressionOnnx({
  featureNames: ['a', 'b', 'c', 'd'],
  weights: [0.5, -1.25, 2, 0.1],
  bias: -0.3,
});

const features = (rows: number[][]): Tensor[] => [
  {
    name: 'features',
    datatype: 'FP32',
    shape: [rows.length, FEATURES],
    data: Float32Array.from(rows.flat()),
  },
];
const requests = Array.from({ length: 40 }, (_, i) =>
  features(Array.from({ length: 1 + (i % 3) }, (_, r) => [i, -r, i / 7, Math.sin(i + r)])),
);

describe('OnnxModel dynamic batching (onnxruntime)', () => {
  let batched: OnnxModel;
  let single: OnnxModel;

  beforeAll(async () => {
    batched = await OnnxModel.load('lr', 1, bytes, { maxBatchRows: 16 });
    single = await OnnxModel.load('lr', 1, bytes, { maxBatchRows: 1 });
  });

  afterAll(async () => {
    await batched.release();
    await single.release();
  });

  it('answers concurrent requests as single runs do, in fewer runs', async () => {
    const before = batched.batchStats()!;
    const together = await Promise.all(requests.map((inputs) => batched.run(inputs, [])));
    const alone: Tensor[][] = [];
    for (const inputs of requests) alone.push(await single.run(inputs, []));
    expect(together).toEqual(alone);
    const after = batched.batchStats()!;
    // 40 requests of 1-3 rows (79 rows) with at most 16 rows a run: at least 5 runs, far fewer than 40.
    expect(after.runs - before.runs).toBeGreaterThanOrEqual(5);
    expect(after.runs - before.runs).toBeLessThan(15);
    expect(after.batchedRequests - before.batchedRequests).toBeGreaterThan(30);
  });

  it('answers a named output and refuses an unknown one as before', async () => {
    const [output] = await batched.run(requests[0]!, ['probability']);
    expect(output!.name).toBe('probability');
    await expect(batched.run(requests[0]!, ['nope'])).rejects.toThrow(/nope/);
  });

  it('does not batch with a row limit of 1', () => {
    expect(single.batchStats()).toBeUndefined();
  });
});
