import type { Datatype, Tensor } from './datatypes';
import { invalidArgument } from './inference-error';

/** One input or output a model declares; -1 in `shape` is a variable dimension. */
export interface TensorSpec {
  name: string;
  datatype: Datatype;
  shape: number[];
}

export interface ModelSignature {
  inputs: TensorSpec[];
  outputs: TensorSpec[];
}

/**
 * Checks request inputs against the model's declared inputs: every declared input given once,
 * no unknown ones, datatype equal, rank equal and fixed dimensions equal. Returns the inputs in
 * the order the model declares them.
 * @throws InferenceError (invalid_argument) naming the field.
 */
export function matchInputs(signature: ModelSignature, inputs: readonly Tensor[]): Tensor[] {
  if (inputs.length !== signature.inputs.length) {
    const given = inputs.map((input) => input.name).join(', ');
    throw invalidArgument(`inputs: the model expects ${signature.inputs.length} input(s) (${signature.inputs.map((s) => s.name).join(', ')}), got ${inputs.length} (${given})`);
  }
  return signature.inputs.map((spec) => {
    const index = inputs.findIndex((input) => input.name === spec.name);
    const input = inputs[index];
    if (!input) throw invalidArgument(`inputs: missing input "${spec.name}"`);
    const field = `inputs[${index}]`;
    if (input.datatype !== spec.datatype) throw invalidArgument(`${field}.datatype: expected ${spec.datatype} for input "${spec.name}", got ${input.datatype}`);
    if (input.shape.length !== spec.shape.length || spec.shape.some((dim, i) => dim >= 0 && dim !== input.shape[i])) {
      throw invalidArgument(`${field}.shape: expected [${spec.shape.join(',')}] for input "${spec.name}", got [${input.shape.join(',')}]`);
    }
    return input;
  });
}

/** The requested outputs (all when none were named), checked against the model's outputs. */
export function selectOutputs(signature: ModelSignature, requested: readonly string[]): string[] {
  if (requested.length === 0) return signature.outputs.map((output) => output.name);
  requested.forEach((name, index) => {
    if (!signature.outputs.some((output) => output.name === name)) throw invalidArgument(`outputs[${index}].name: the model has no output "${name}"`);
  });
  return [...requested];
}
