import type { inferenceV2 } from '@flywheel/contracts';
import { encodeRaw } from './decode-raw';
import { decodeGrpcRequest } from './decode-grpc-request';
import { InferenceError } from './inference-error';

const LIMIT = 4 * 1024 * 1024;
type Input = inferenceV2.ModelInferRequest_InferInputTensor;

function request(inputs: Array<Partial<Input>>, raw: Buffer[] = []): inferenceV2.ModelInferRequest {
  return { modelName: 'm', modelVersion: '', id: 'r1', parameters: {}, outputs: [], inputs: inputs.map((i) => ({ name: 'x', datatype: 'FP32', shape: [], parameters: {}, ...i })), rawInputContents: raw };
}

const CASES = [
  { datatype: 'FP32', field: 'fp32Contents', values: [1.5, -2, 0.25, 8], typed: Float32Array.from([1.5, -2, 0.25, 8]) },
  { datatype: 'FP64', field: 'fp64Contents', values: [1e-300, 2, 3, 4], typed: Float64Array.from([1e-300, 2, 3, 4]) },
  { datatype: 'INT64', field: 'int64Contents', values: [1, -2, 2 ** 40, 4], typed: BigInt64Array.from([1n, -2n, 2n ** 40n, 4n]) },
  { datatype: 'INT32', field: 'intContents', values: [1, -2, 3, 2 ** 31 - 1], typed: Int32Array.from([1, -2, 3, 2 ** 31 - 1]) },
  { datatype: 'BOOL', field: 'boolContents', values: [true, false, true, true], typed: Uint8Array.from([1, 0, 1, 1]) },
  { datatype: 'BYTES', field: 'bytesContents', values: [Buffer.from('a'), Buffer.from(''), Buffer.from('héllo'), Buffer.from('z')], typed: ['a', '', 'héllo', 'z'] },
] as const;

describe('decodeGrpcRequest', () => {
  it.each(CASES)('decodes typed $datatype contents and the same tensor from raw contents', ({ datatype, field, values, typed }) => {
    const fromContents = decodeGrpcRequest(request([{ datatype, shape: [2, 2], contents: { [field]: values } as never }]), LIMIT);
    expect(fromContents.inputs[0]).toEqual({ name: 'x', datatype, shape: [2, 2], data: typed });
    const fromRaw = decodeGrpcRequest(request([{ datatype, shape: [2, 2] }], [encodeRaw(typed as Parameters<typeof encodeRaw>[0])]), LIMIT);
    expect(fromRaw.inputs[0]!.data).toEqual(typed);
  });

  it('decodes raw contents at an unaligned offset', () => {
    const backing = Buffer.alloc(17);
    const raw = backing.subarray(1);
    Buffer.from(Float32Array.from([1, 2, 3, 4]).buffer).copy(raw);
    expect(decodeGrpcRequest(request([{ shape: [1, 4] }], [raw]), LIMIT).inputs[0]!.data).toEqual(Float32Array.from([1, 2, 3, 4]));
  });

  it.each([
    ['no model name', { ...request([{ shape: [1] }]), modelName: '' }, 'model_name'],
    ['no inputs', request([]), 'inputs'],
    ['unknown datatype', request([{ datatype: 'FP16', shape: [1] }]), 'inputs[0].datatype'],
    ['negative dimension', request([{ shape: [-1, 2] }]), 'inputs[0].shape[0]'],
    ['too few values', request([{ shape: [3], contents: { fp32Contents: [1, 2] } as never }]), 'inputs[0].contents.fp32Contents'],
    ['values in the wrong field', request([{ shape: [1], contents: { int64Contents: [1] } as never }]), 'inputs[0].contents.int64Contents'],
    ['raw length off', request([{ shape: [2] }], [Buffer.alloc(7)]), 'raw_input_contents[0]'],
    ['raw count off', request([{ shape: [1] }, { shape: [1] }], [Buffer.alloc(4)]), 'raw_input_contents'],
    ['contents and raw both set', request([{ shape: [1], contents: { fp32Contents: [1] } as never }], [Buffer.alloc(4)]), 'inputs[0].contents'],
    ['truncated BYTES prefix', request([{ datatype: 'BYTES', shape: [1] }], [Buffer.from([1, 0])]), 'raw_input_contents[0]'],
    ['BYTES element past the end', request([{ datatype: 'BYTES', shape: [1] }], [Buffer.from([9, 0, 0, 0, 65])]), 'raw_input_contents[0]'],
  ])('refuses %s with INVALID_ARGUMENT naming the field', (_name, bad, field) => {
    expect(() => decodeGrpcRequest(bad, LIMIT)).toThrow(InferenceError);
    expect(() => decodeGrpcRequest(bad, LIMIT)).toThrow(field);
  });

  it('refuses tensor data above the message limit', () => {
    expect(() => decodeGrpcRequest(request([{ shape: [1024] }], [Buffer.alloc(4096)]), 1000)).toThrow('limit');
  });
});
