import { InferenceError } from './inference-error';
import { type ModelSignature, matchInputs, selectOutputs } from './signature';

const signature: ModelSignature = {
  inputs: [
    { name: 'a', datatype: 'FP32', shape: [-1, 3] },
    { name: 'b', datatype: 'INT64', shape: [-1] },
  ],
  outputs: [{ name: 'p', datatype: 'FP32', shape: [-1, 1] }, { name: 'q', datatype: 'INT64', shape: [-1] }],
};
const a = { name: 'a', datatype: 'FP32' as const, shape: [2, 3], data: new Float32Array(6) };
const b = { name: 'b', datatype: 'INT64' as const, shape: [2], data: new BigInt64Array(2) };

describe('matchInputs', () => {
  it('returns the inputs in the order the model declares them, any batch size', () => {
    expect(matchInputs(signature, [b, a])).toEqual([a, b]);
  });

  it.each([
    [[a], 'expects 2 input(s)'],
    [[a, { ...b, name: 'c' }], 'missing input "b"'],
    [[{ ...a, datatype: 'FP64' as const }, b], 'inputs[0].datatype: expected FP32'],
    [[{ ...a, shape: [2, 4] }, b], 'inputs[0].shape: expected [-1,3]'],
    [[a, { ...b, shape: [2, 1] }], 'inputs[1].shape'],
  ])('refuses a mismatch naming the field (%#)', (inputs, message) => {
    expect(() => matchInputs(signature, inputs)).toThrow(InferenceError);
    expect(() => matchInputs(signature, inputs)).toThrow(message);
  });
});

describe('selectOutputs', () => {
  it('selects every output when none is named, else the named ones', () => {
    expect(selectOutputs(signature, [])).toEqual(['p', 'q']);
    expect(selectOutputs(signature, ['q'])).toEqual(['q']);
  });

  it('refuses an unknown output naming it', () => {
    expect(() => selectOutputs(signature, ['p', 'z'])).toThrow('outputs[1].name: the model has no output "z"');
  });
});
