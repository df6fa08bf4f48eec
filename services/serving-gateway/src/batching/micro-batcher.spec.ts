import type { Tensor } from '../protocol/datatypes';
import { MicroBatcher, type RunInputs } from './micro-batcher';

// A stand-in model with a free batch dimension: `y` is each row's sum, row by row; a row whose
// first value is -1 makes the whole run fail (as a runtime error would).
const rowSums: RunInputs = (inputs) => {
  const [x] = inputs as [Tensor];
  const [rows, width] = x.shape as [number, number];
  const values = x.data as Float32Array;
  for (let r = 0; r < rows; r++) if (values[r * width] === -1) return Promise.reject(new Error('bad row'));
  const sums = Float32Array.from({ length: rows }, (_, r) =>
    values.subarray(r * width, (r + 1) * width).reduce((a, b) => a + b, 0),
  );
  return Promise.resolve([{ name: 'y', datatype: 'FP32', shape: [rows, 1], data: sums }]);
};

function recording(run: RunInputs): { run: RunInputs; runs: number[] } {
  const runs: number[] = [];
  return {
    runs,
    run: (inputs) => {
      runs.push(inputs[0]!.shape[0]!);
      return run(inputs);
    },
  };
}

const request = (...rows: number[][]): Tensor[] => [
  {
    name: 'x',
    datatype: 'FP32',
    shape: [rows.length, rows[0]!.length],
    data: Float32Array.from(rows.flat()),
  },
];
const sums = (outputs: Tensor[]) => Array.from(outputs[0]!.data as Float32Array);

describe('MicroBatcher', () => {
  it('runs the requests of one turn as one run and answers each its own rows', async () => {
    const model = recording(rowSums);
    const batcher = new MicroBatcher(model.run, 64);
    const answers = await Promise.all([
      batcher.submit(request([1, 2])),
      batcher.submit(request([3, 4], [5, 6])),
      batcher.submit(request([7, 8])),
    ]);
    expect(answers.map(sums)).toEqual([[3], [7, 11], [15]]);
    expect(answers.map((outputs) => outputs[0]!.shape)).toEqual([
      [1, 1],
      [2, 1],
      [1, 1],
    ]);
    expect(model.runs).toEqual([4]);
    expect(batcher.stats()).toEqual({ runs: 1, batchedRequests: 3 });
  });

  it('runs a request alone when nothing else arrived with it', async () => {
    const model = recording(rowSums);
    const batcher = new MicroBatcher(model.run, 64);
    expect(sums(await batcher.submit(request([1, 1])))).toEqual([2]);
    expect(sums(await batcher.submit(request([2, 2])))).toEqual([4]);
    expect(model.runs).toEqual([1, 1]);
    expect(batcher.stats()).toEqual({ runs: 2, batchedRequests: 0 });
  });

  it('keeps each run within the row limit', async () => {
    const model = recording(rowSums);
    const batcher = new MicroBatcher(model.run, 4);
    const answers = await Promise.all(
      [[1], [2], [3], [4], [5], [6]].map((row) => batcher.submit(request(row))),
    );
    expect(answers.map(sums)).toEqual([[1], [2], [3], [4], [5], [6]]);
    expect(model.runs).toEqual([4, 2]);
  });

  it('runs a request of the row limit or more by itself, at once', async () => {
    const model = recording(rowSums);
    const batcher = new MicroBatcher(model.run, 2);
    const [big, small] = await Promise.all([
      batcher.submit(request([1], [2], [3])),
      batcher.submit(request([4])),
    ]);
    expect(sums(big)).toEqual([1, 2, 3]);
    expect(sums(small)).toEqual([4]);
    expect(model.runs).toEqual([3, 1]);
  });

  it('runs every request alone with a row limit of 1', async () => {
    const model = recording(rowSums);
    const batcher = new MicroBatcher(model.run, 1);
    await Promise.all([batcher.submit(request([1])), batcher.submit(request([2]))]);
    expect(model.runs).toEqual([1, 1]);
  });

  it('does not join requests whose inputs differ in shape', async () => {
    const model = recording(rowSums);
    const batcher = new MicroBatcher(model.run, 64);
    const answers = await Promise.all([
      batcher.submit(request([1, 2])),
      batcher.submit(request([1, 2, 3])),
      batcher.submit(request([3, 4])),
    ]);
    expect(answers.map(sums)).toEqual([[3], [6], [7]]);
    expect(model.runs.sort()).toEqual([1, 2]);
  });

  it('when a joined run fails, runs its requests one by one so only the failing one fails', async () => {
    const model = recording(rowSums);
    const batcher = new MicroBatcher(model.run, 64);
    const answers = await Promise.allSettled([
      batcher.submit(request([1, 1])),
      batcher.submit(request([-1, 0])),
      batcher.submit(request([2, 2])),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(sums((answers[0] as PromiseFulfilledResult<Tensor[]>).value)).toEqual([2]);
    expect((answers[1] as PromiseRejectedResult).reason).toEqual(new Error('bad row'));
    expect(model.runs).toEqual([3, 1, 1, 1]);
  });

  it('runs requests one by one when the model does not answer row by row', async () => {
    const total: RunInputs = (inputs) => {
      const values = inputs[0]!.data as Float32Array;
      return Promise.resolve([
        { name: 'y', datatype: 'FP32', shape: [1], data: Float32Array.of(values.reduce((a, b) => a + b, 0)) },
      ]);
    };
    const model = recording(total);
    const batcher = new MicroBatcher(model.run, 64);
    const answers = await Promise.all([batcher.submit(request([1])), batcher.submit(request([2]))]);
    expect(answers.map(sums)).toEqual([[1], [2]]);
    expect(model.runs).toEqual([2, 1, 1]);
    expect(batcher.stats().batchedRequests).toBe(0);
  });

  it('runs requests whose inputs disagree on rows alone', async () => {
    const model = recording(rowSums);
    const batcher = new MicroBatcher(model.run, 64);
    const odd: Tensor[] = [
      ...request([1]),
      { name: 'z', datatype: 'FP32', shape: [2], data: new Float32Array(2) },
    ];
    await Promise.all([batcher.submit(odd), batcher.submit(request([2]))]);
    expect(model.runs).toEqual([1, 1]);
  });
});
