import type { inferenceV2 } from '@flywheel/contracts';
import type { TensorData } from './datatypes';
import { encodeRaw } from './decode-raw';
import type { InferResult } from './infer-request';

/**
 * A gRPC ModelInferResponse with tensor data in `raw_output_contents`, as Triton answers (the
 * tritonclient reads numeric outputs only from there).
 */
export function encodeGrpcResponse(result: InferResult): inferenceV2.ModelInferResponse {
  return {
    modelName: result.modelName,
    modelVersion: String(result.modelVersion),
    id: result.id,
    parameters: {},
    outputs: result.outputs.map((output) => ({ name: output.name, datatype: output.datatype, shape: output.shape, parameters: {} })),
    rawOutputContents: result.outputs.map((output) => encodeRaw(output.data)),
  };
}

export interface RestOutputTensor {
  name: string;
  datatype: string;
  shape: number[];
  data: Array<number | string | boolean>;
}

export interface RestInferResponse {
  model_name: string;
  model_version: string;
  id?: string;
  outputs: RestOutputTensor[];
}

/** The REST response body: flat row-major `data` per output. */
export function encodeRestResponse(result: InferResult): RestInferResponse {
  return {
    model_name: result.modelName,
    model_version: String(result.modelVersion),
    ...(result.id && { id: result.id }),
    outputs: result.outputs.map((output) => ({
      name: output.name,
      datatype: output.datatype,
      shape: output.shape,
      data: jsonValues(output.datatype, output.data),
    })),
  };
}

function jsonValues(datatype: string, data: TensorData): Array<number | string | boolean> {
  if (Array.isArray(data)) return data;
  if (data instanceof BigInt64Array) return Array.from(data, Number);
  if (datatype === 'BOOL') return Array.from(data, (value) => value !== 0);
  return Array.from(data);
}
