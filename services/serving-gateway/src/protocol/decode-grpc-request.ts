import type { inferenceV2 } from '@flywheel/contracts';
import { type Tensor, isDatatype } from './datatypes';
import { type TensorContents, decodeContents } from './decode-contents';
import { decodeRaw } from './decode-raw';
import { invalidArgument } from './inference-error';
import type { InferRequest } from './infer-request';
import { elementCount } from './shape';

/**
 * A gRPC ModelInferRequest as an InferRequest. Inputs carry data either in `contents` or, for
 * all of them, in `raw_input_contents` (one entry per input, in order), never both.
 * @throws InferenceError (invalid_argument) naming the offending field.
 */
export function decodeGrpcRequest(request: inferenceV2.ModelInferRequest, maxPayloadBytes: number): InferRequest {
  if (!request.modelName) throw invalidArgument('model_name: required');
  const raw = request.rawInputContents ?? [];
  const inputs = request.inputs ?? [];
  if (inputs.length === 0) throw invalidArgument('inputs: at least one input is required');
  if (raw.length > 0 && raw.length !== inputs.length) {
    throw invalidArgument(`raw_input_contents: expected one entry per input (${inputs.length}), got ${raw.length}`);
  }
  let payload = 0;
  const decoded: Tensor[] = inputs.map((input, index) => {
    const field = `inputs[${index}]`;
    if (!input.name) throw invalidArgument(`${field}.name: required`);
    if (!isDatatype(input.datatype)) throw invalidArgument(`${field}.datatype: unsupported datatype ${JSON.stringify(input.datatype)}`);
    const count = elementCount(input.shape ?? [], `${field}.shape`);
    const contents = input.contents as TensorContents | null | undefined;
    const hasContents = contents != null && hasAnyValue(contents);
    let data;
    if (raw.length > 0) {
      if (hasContents) throw invalidArgument(`${field}.contents: set together with raw_input_contents; send one or the other`);
      const bytes = raw[index] as Uint8Array;
      payload += bytes.byteLength;
      if (payload > maxPayloadBytes) throw tooLarge(maxPayloadBytes);
      data = decodeRaw(input.datatype, bytes, count, `raw_input_contents[${index}]`);
    } else {
      payload += count * 8;
      if (payload > maxPayloadBytes) throw tooLarge(maxPayloadBytes);
      data = decodeContents(input.datatype, contents ?? {}, count, `${field}.contents`);
    }
    return { name: input.name, datatype: input.datatype, shape: input.shape, data };
  });
  return {
    modelName: request.modelName,
    modelVersion: request.modelVersion ?? '',
    id: request.id ?? '',
    inputs: decoded,
    outputs: (request.outputs ?? []).map((output, index) => {
      if (!output.name) throw invalidArgument(`outputs[${index}].name: required`);
      return output.name;
    }),
  };
}

function hasAnyValue(contents: TensorContents): boolean {
  for (const values of Object.values(contents)) if (values && values.length > 0) return true;
  return false;
}

function tooLarge(limit: number) {
  return invalidArgument(`inputs: tensor data exceeds the ${limit}-byte message limit`);
}
