import fc from 'fast-check';
import type { Datatype, Tensor, TensorData } from '../protocol/datatypes';
import { batchKey, batchRows, concatInputs, splitOutputs } from './tensor-batch';

function tensor(name: string, datatype: Datatype, shape: number[], data: TensorData): Tensor {
  return { name, datatype, shape, data };
}

const fp32 = (name: string, rows: number[][]) =>
  tensor(name, 'FP32', [rows.length, rows[0]?.length ?? 0], Float32Array.from(rows.flat()));

describe('batchRows', () => {
  it('is the first dimension all inputs share', () => {
    expect(batchRows([fp32('a', [[1, 2]]), tensor('b', 'INT64', [1], new BigInt64Array(1))])).toBe(1);
    expect(batchRows([fp32('a', [[1], [2], [3]])])).toBe(3);
  });

  it.each([
    ['no inputs', []],
    ['inputs that disagree on rows', [fp32('a', [[1]]), fp32('b', [[1], [2]])]],
    ['a scalar input', [tensor('a', 'FP32', [], new Float32Array(1))]],
    ['zero rows', [tensor('a', 'FP32', [0, 4], new Float32Array(0))]],
  ])('is undefined for %s', (_what, inputs) => {
    expect(batchRows(inputs)).toBeUndefined();
  });
});

describe('batchKey', () => {
  it('ignores the rows and tells apart names, datatypes and the other dimensions', () => {
    const key = batchKey([fp32('a', [[1, 2]])]);
    expect(
      batchKey([
        fp32('a', [
          [3, 4],
          [5, 6],
        ]),
      ]),
    ).toBe(key);
    expect(batchKey([fp32('b', [[1, 2]])])).not.toBe(key);
    expect(batchKey([tensor('a', 'FP64', [1, 2], new Float64Array(2))])).not.toBe(key);
    expect(batchKey([fp32('a', [[1, 2, 3]])])).not.toBe(key);
    expect(batchKey([fp32('a', [[1, 2]]), fp32('c', [[1]])])).not.toBe(key);
  });

  it('does not confuse names that run into the dimensions', () => {
    expect(batchKey([tensor('a', 'FP32', [1, 12], new Float32Array(12))])).not.toBe(
      batchKey([tensor('a', 'FP32', [1, 1, 2], new Float32Array(2))]),
    );
  });
});

describe('concatInputs and splitOutputs', () => {
  it('joins each input along the rows, in member order', () => {
    const joined = concatInputs(
      [
        [fp32('x', [[1, 2]]), tensor('s', 'BYTES', [1], ['a'])],
        [
          fp32('x', [
            [3, 4],
            [5, 6],
          ]),
          tensor('s', 'BYTES', [2], ['b', 'c']),
        ],
      ],
      [1, 2],
    );
    expect(joined).toEqual([
      tensor('x', 'FP32', [3, 2], Float32Array.from([1, 2, 3, 4, 5, 6])),
      tensor('s', 'BYTES', [3], ['a', 'b', 'c']),
    ]);
  });

  it.each<[Datatype, (values: number[]) => TensorData]>([
    ['FP32', (v) => Float32Array.from(v)],
    ['FP64', (v) => Float64Array.from(v)],
    ['INT64', (v) => BigInt64Array.from(v.map(BigInt))],
    ['INT32', (v) => Int32Array.from(v)],
    ['BOOL', (v) => Uint8Array.from(v.map((x) => x % 2))],
    ['BYTES', (v) => v.map(String)],
  ])('keeps the %s array type', (datatype, make) => {
    const [joined] = concatInputs(
      [[tensor('x', datatype, [1, 2], make([1, 2]))], [tensor('x', datatype, [1, 2], make([3, 4]))]],
      [1, 1],
    );
    expect(joined!.data).toEqual(make([1, 2, 3, 4]));
    expect(joined!.data.constructor).toBe(make([]).constructor);
  });

  it('takes a Buffer member as the bytes it holds', () => {
    const [joined] = concatInputs(
      [
        [tensor('b', 'BOOL', [1, 2], Buffer.from([1, 0]))],
        [tensor('b', 'BOOL', [1, 2], Uint8Array.from([0, 1]))],
      ],
      [1, 1],
    );
    expect(joined!.data).toEqual(Uint8Array.from([1, 0, 0, 1]));
  });

  it('gives each member its rows of every output', () => {
    const outputs = [fp32('p', [[0.1], [0.2], [0.3]]), tensor('label', 'BYTES', [3], ['x', 'y', 'z'])];
    expect(splitOutputs(outputs, [2, 1])).toEqual([
      [fp32('p', [[0.1], [0.2]]), tensor('label', 'BYTES', [2], ['x', 'y'])],
      [fp32('p', [[0.3]]), tensor('label', 'BYTES', [1], ['z'])],
    ]);
  });

  it('refuses outputs that are not row by row', () => {
    expect(splitOutputs([fp32('sum', [[6]])], [2, 1])).toBeUndefined();
    expect(splitOutputs([tensor('p', 'FP32', [3, 2], new Float32Array(5))], [2, 1])).toBeUndefined();
  });

  it('splits what it joined, for any members', () => {
    const member = (width: number) =>
      fc
        .integer({ min: 1, max: 5 })
        .chain((rows) =>
          fc.tuple(
            fc.constant(rows),
            fc.array(fc.float({ noNaN: true }), { minLength: rows * width, maxLength: rows * width }),
            fc.array(fc.string(), { minLength: rows, maxLength: rows }),
          ),
        );
    const batch = fc
      .integer({ min: 0, max: 4 })
      .chain((width) =>
        fc.tuple(fc.constant(width), fc.array(member(width), { minLength: 1, maxLength: 8 })),
      );
    fc.assert(
      fc.property(batch, ([width, members]) => {
        const requests = members.map(([rows, values, labels]) => [
          tensor('x', 'FP32', [rows, width], Float32Array.from(values)),
          tensor('s', 'BYTES', [rows], labels),
        ]);
        const rows = members.map(([count]) => count);
        expect(splitOutputs(concatInputs(requests, rows), rows)).toEqual(requests);
      }),
    );
  });
});
