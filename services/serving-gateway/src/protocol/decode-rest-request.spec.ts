import fc from 'fast-check';
import { decodeRestRequest } from './decode-rest-request';
import { InferenceError } from './inference-error';

const LIMIT = 4 * 1024 * 1024;
const decode = (body: unknown) => decodeRestRequest(body, 'm', '', LIMIT);

describe('decodeRestRequest', () => {
  it('decodes nested and flat data for each datatype', () => {
    const request = decode({
      id: 'a',
      inputs: [
        { name: 'f', datatype: 'FP32', shape: [2, 2], data: [[1, 2], [3, 4]] },
        { name: 'd', datatype: 'FP64', shape: [1], data: [0.5] },
        { name: 'i', datatype: 'INT64', shape: [2], data: [1, -9007199254740991] },
        { name: 'j', datatype: 'INT32', shape: [1], data: [7] },
        { name: 'b', datatype: 'BOOL', shape: [2], data: [true, false] },
        { name: 's', datatype: 'BYTES', shape: [1], data: ['hi'] },
      ],
      outputs: [{ name: 'p' }],
    });
    expect(request.id).toBe('a');
    expect(request.outputs).toEqual(['p']);
    expect(request.inputs.map((input) => input.data)).toEqual([
      Float32Array.from([1, 2, 3, 4]),
      Float64Array.from([0.5]),
      BigInt64Array.from([1n, -9007199254740991n]),
      Int32Array.from([7]),
      Uint8Array.from([1, 0]),
      ['hi'],
    ]);
  });

  it.each([
    [null, 'body'],
    [{ inputs: [] }, 'inputs'],
    [{ inputs: [{ name: 'f', datatype: 'FP32', shape: [2], data: [1] }] }, 'inputs[0].data'],
    [{ inputs: [{ name: 'f', datatype: 'FP32', shape: [1], data: ['x'] }] }, 'inputs[0].data[0]'],
    [{ inputs: [{ name: 'f', datatype: 'INT32', shape: [1], data: [2 ** 40] }] }, 'inputs[0].data[0]'],
    [{ inputs: [{ name: 'f', datatype: 'FP8', shape: [1], data: [1] }] }, 'inputs[0].datatype'],
    [{ inputs: [{ name: '', datatype: 'FP32', shape: [1], data: [1] }] }, 'inputs[0].name'],
    [{ inputs: [{ name: 'f', datatype: 'FP32', shape: [1.5], data: [1] }] }, 'inputs[0].shape[0]'],
    [{ inputs: [{ name: 'f', datatype: 'FP32', shape: [1], data: [1], parameters: { binary_data_size: 4 } }] }, 'binary_data_size'],
    [{ id: 5, inputs: [] }, 'id'],
    [{ inputs: [{ name: 'f', datatype: 'FP32', shape: [1], data: [1] }], outputs: [{}] }, 'outputs[0].name'],
  ])('refuses %j with a 400-type error naming %s', (body, field) => {
    expect(() => decode(body)).toThrow(InferenceError);
    expect(() => decode(body)).toThrow(field);
  });

  it('throws nothing but InferenceError for arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (body) => {
        try {
          decode(body);
        } catch (error) {
          expect(error).toBeInstanceOf(InferenceError);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('throws nothing but InferenceError for near-valid requests', () => {
    const datatype = fc.constantFrom('FP32', 'FP64', 'INT64', 'INT32', 'BOOL', 'BYTES', 'UINT8', '', 7);
    const scalar = fc.oneof(fc.double(), fc.integer(), fc.boolean(), fc.string(), fc.constant(null), fc.bigInt().map(String));
    const input = fc.record(
      {
        name: fc.oneof(fc.constant('features'), fc.string(), fc.integer()),
        datatype,
        shape: fc.oneof(fc.array(fc.integer({ min: -2, max: 5 }), { maxLength: 3 }), fc.constant('2'), fc.array(fc.double(), { maxLength: 2 })),
        data: fc.oneof(fc.array(scalar, { maxLength: 12 }), fc.array(fc.array(scalar, { maxLength: 4 }), { maxLength: 4 }), scalar),
        parameters: fc.oneof(fc.constant(undefined), fc.dictionary(fc.string(), fc.jsonValue())),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.record({ id: fc.oneof(fc.string(), fc.integer()), inputs: fc.array(input, { maxLength: 3 }), outputs: fc.oneof(fc.constant(undefined), fc.array(fc.jsonValue(), { maxLength: 2 })) }, { requiredKeys: [] }), (body) => {
        try {
          decode(body);
        } catch (error) {
          expect(error).toBeInstanceOf(InferenceError);
        }
      }),
      { numRuns: 5_000 },
    );
  });
});
