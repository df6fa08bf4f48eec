import type { Tensor, TensorData } from './datatypes';

/** One inference request after decoding, whichever transport it came over. */
export interface InferRequest {
  modelName: string;
  /** Empty: the traffic policy picks the version. */
  modelVersion: string;
  /** Caller's id, echoed in the response; empty when the caller gave none. */
  id: string;
  inputs: Tensor[];
  /** Requested output names; empty means every output. */
  outputs: string[];
}

/** A model's answer: its output tensors in the model's order (or the requested order). */
export interface InferResult {
  modelName: string;
  modelVersion: number;
  id: string;
  outputs: Tensor[];
}

export function payloadBytes(data: TensorData): number {
  return Array.isArray(data) ? data.reduce((sum, value) => sum + value.length + 4, 0) : data.byteLength;
}
