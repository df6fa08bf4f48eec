import { type Tensor, isDatatype } from './datatypes';
import { typedValues } from './decode-contents';
import { invalidArgument } from './inference-error';
import { type InferRequest, payloadBytes } from './infer-request';
import { elementCount } from './shape';

/** Deeper `data` nesting than any tensor rank we accept. */
const MAX_DATA_DEPTH = 32;

/**
 * The JSON body of `POST /v2/models/{m}[/versions/{v}]/infer` as an InferRequest. `data` may be
 * flat or nested row-major; BYTES elements are strings. Accepts any parsed JSON value.
 * @throws InferenceError (invalid_argument) naming the field; never anything else.
 */
export function decodeRestRequest(body: unknown, modelName: string, modelVersion: string, maxPayloadBytes: number): InferRequest {
  if (!isObject(body)) throw invalidArgument('body: expected a JSON object');
  const id = body['id'];
  if (id !== undefined && typeof id !== 'string') throw invalidArgument('id: expected a string');
  const inputs = body['inputs'];
  if (!Array.isArray(inputs) || inputs.length === 0) throw invalidArgument('inputs: expected a non-empty array');
  let payload = 0;
  const decoded = inputs.map((input: unknown, index): Tensor => {
    const tensor = decodeInput(input, `inputs[${index}]`);
    payload += payloadBytes(tensor.data);
    if (payload > maxPayloadBytes) throw invalidArgument(`inputs: tensor data exceeds the ${maxPayloadBytes}-byte message limit`);
    return tensor;
  });
  return { modelName, modelVersion, id: id ?? '', inputs: decoded, outputs: decodeOutputs(body['outputs']) };
}

function decodeInput(input: unknown, field: string): Tensor {
  if (!isObject(input)) throw invalidArgument(`${field}: expected an object`);
  const { name, datatype, shape, data } = input;
  if (typeof name !== 'string' || name === '') throw invalidArgument(`${field}.name: expected a non-empty string`);
  if (typeof datatype !== 'string' || !isDatatype(datatype)) throw invalidArgument(`${field}.datatype: unsupported datatype ${describe(datatype)}`);
  if (!Array.isArray(shape)) throw invalidArgument(`${field}.shape: expected an array of integers`);
  const count = elementCount(shape, `${field}.shape`);
  if (input['parameters'] !== undefined && isObject(input['parameters']) && input['parameters']['binary_data_size'] !== undefined) {
    throw invalidArgument(`${field}.parameters.binary_data_size: the binary tensor extension is not supported; send data as JSON`);
  }
  if (!Array.isArray(data)) throw invalidArgument(`${field}.data: expected an array`);
  const flat = flatten(data, `${field}.data`);
  if (flat.length !== count) throw invalidArgument(`${field}.data: expected ${count} values for the shape, got ${flat.length}`);
  return { name, datatype, shape: shape as number[], data: typedValues(datatype, flat, `${field}.data`) };
}

function decodeOutputs(outputs: unknown): string[] {
  if (outputs === undefined) return [];
  if (!Array.isArray(outputs)) throw invalidArgument('outputs: expected an array');
  return outputs.map((output: unknown, index) => {
    const name = isObject(output) ? output['name'] : undefined;
    if (typeof name !== 'string' || name === '') throw invalidArgument(`outputs[${index}].name: expected a non-empty string`);
    return name;
  });
}

function flatten(data: unknown[], field: string): unknown[] {
  if (!data.some(Array.isArray)) return data;
  const out: unknown[] = [];
  const walk = (values: unknown[], depth: number): void => {
    if (depth > MAX_DATA_DEPTH) throw invalidArgument(`${field}: nested deeper than ${MAX_DATA_DEPTH} levels`);
    for (const value of values) {
      if (Array.isArray(value)) walk(value, depth + 1);
      else out.push(value);
    }
  };
  walk(data, 1);
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : typeof value;
}
