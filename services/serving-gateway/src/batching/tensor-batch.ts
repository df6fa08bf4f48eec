import type { Datatype, Tensor, TensorData } from '../protocol/datatypes';

/**
 * Joining several requests' input tensors along the first (batch) dimension into one model run,
 * and cutting the run's outputs back into each request's rows. Pure: no runtime, no timing.
 */

/**
 * The rows of a request: the first dimension every one of its inputs shares. Undefined when the
 * inputs disagree, have no dimensions, or carry no rows, so the request cannot join a batch.
 */
export function batchRows(inputs: readonly Tensor[]): number | undefined {
  const rows = inputs[0]?.shape[0];
  if (rows === undefined || rows < 1) return undefined;
  for (const input of inputs) if (input.shape[0] !== rows) return undefined;
  return rows;
}

/**
 * What requests must agree on to share a run: per input (in order), its name, datatype and the
 * dimensions after the first.
 */
export function batchKey(inputs: readonly Tensor[]): string {
  let key = '';
  for (const input of inputs)
    key += `${input.name}\u0000${input.datatype}\u0000${input.shape.slice(1).join(',')}\u0001`;
  return key;
}

/**
 * One input list for a run of all `members` (each a request's inputs, same `batchKey`): each input
 * is the members' inputs of that position end to end along the first dimension.
 */
export function concatInputs(members: readonly (readonly Tensor[])[], rows: readonly number[]): Tensor[] {
  const first = members[0];
  if (first === undefined) throw new Error('concatInputs: no members');
  const totalRows = rows.reduce((sum, count) => sum + count, 0);
  return first.map((input, position) => ({
    name: input.name,
    datatype: input.datatype,
    shape: [totalRows, ...input.shape.slice(1)],
    data: concatData(
      input.datatype,
      members.map((member) => member[position]!.data),
    ),
  }));
}

/**
 * Each member's share of a batched run's outputs: member i gets `rows[i]` rows of every output,
 * in order. Undefined when an output's first dimension is not the batch's total rows (a model
 * that does not answer row by row), in which case the members must run alone.
 */
export function splitOutputs(outputs: readonly Tensor[], rows: readonly number[]): Tensor[][] | undefined {
  const totalRows = rows.reduce((sum, count) => sum + count, 0);
  for (const output of outputs) {
    const perRow = elementsPerRow(output.shape);
    if (output.shape[0] !== totalRows || output.data.length !== perRow * totalRows) return undefined;
  }
  const shares: Tensor[][] = [];
  let row = 0;
  for (const count of rows) {
    shares.push(
      outputs.map((output) => {
        const perRow = elementsPerRow(output.shape);
        return {
          name: output.name,
          datatype: output.datatype,
          shape: [count, ...output.shape.slice(1)],
          data: sliceData(output.data, row * perRow, (row + count) * perRow),
        };
      }),
    );
    row += count;
  }
  return shares;
}

function elementsPerRow(shape: readonly number[]): number {
  let product = 1;
  for (let i = 1; i < shape.length; i++) product *= shape[i]!;
  return product;
}

type NumericData = Exclude<TensorData, string[]>;

const ARRAY_OF: Record<Exclude<Datatype, 'BYTES'>, new (length: number) => NumericData> = {
  FP32: Float32Array,
  FP64: Float64Array,
  INT64: BigInt64Array,
  INT32: Int32Array,
  BOOL: Uint8Array,
};

function concatData(datatype: Datatype, parts: readonly TensorData[]): TensorData {
  if (datatype === 'BYTES') return (parts as readonly string[][]).flat();
  let length = 0;
  for (const part of parts) length += part.length;
  const joined = new ARRAY_OF[datatype](length);
  let offset = 0;
  for (const part of parts) {
    (joined as Float64Array).set(part as Float64Array, offset);
    offset += part.length;
  }
  return joined;
}

// Typed outputs are views into the run's buffer (no copy); strings are copied out.
function sliceData(data: TensorData, start: number, end: number): TensorData {
  return Array.isArray(data) ? data.slice(start, end) : data.subarray(start, end);
}
