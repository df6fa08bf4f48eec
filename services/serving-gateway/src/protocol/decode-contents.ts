import { type ContentsField, DATATYPES, type Datatype, type TensorData } from './datatypes';
import { invalidArgument } from './inference-error';

/** `InferTensorContents` as gRPC decodes it (every repeated field present, maybe empty). */
export type TensorContents = Partial<Record<ContentsField | 'uintContents' | 'uint64Contents', ArrayLike<unknown>>>;

const CONTENT_FIELDS = ['boolContents', 'intContents', 'int64Contents', 'uintContents', 'uint64Contents', 'fp32Contents', 'fp64Contents', 'bytesContents'] as const;

/**
 * Typed `contents` of one input as runtime data. Exactly the datatype's field may hold values,
 * and it must hold `count` of them.
 * @throws InferenceError naming the field on a mismatch.
 */
export function decodeContents(datatype: Datatype, contents: TensorContents, count: number, field: string): TensorData {
  const expected = DATATYPES[datatype].contentsField;
  for (const name of CONTENT_FIELDS) {
    if (name !== expected && (contents[name]?.length ?? 0) > 0) {
      throw invalidArgument(`${field}.${name}: set for a ${datatype} input; use ${expected}`);
    }
  }
  const values = contents[expected] ?? [];
  if (values.length !== count) {
    throw invalidArgument(`${field}.${expected}: expected ${count} values for the shape, got ${values.length}`);
  }
  return typedValues(datatype, values, `${field}.${expected}`);
}

/** Converts plain values (gRPC contents or REST `data`) to the datatype's runtime array. */
export function typedValues(datatype: Datatype, values: ArrayLike<unknown>, field: string): TensorData {
  const n = values.length;
  switch (datatype) {
    case 'FP32':
      return fill(new Float32Array(n), values, field, isNumber);
    case 'FP64':
      return fill(new Float64Array(n), values, field, isNumber);
    case 'INT32':
      return fill(new Int32Array(n), values, field, isInt32);
    case 'BOOL': {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        const value = values[i];
        if (typeof value !== 'boolean') throw invalidArgument(`${field}[${i}]: expected a boolean, got ${describe(value)}`);
        out[i] = value ? 1 : 0;
      }
      return out;
    }
    case 'INT64': {
      const out = new BigInt64Array(n);
      for (let i = 0; i < n; i++) {
        const value = values[i];
        if (!(typeof value === 'number' && Number.isSafeInteger(value)) && typeof value !== 'bigint') {
          throw invalidArgument(`${field}[${i}]: expected a 64-bit integer, got ${describe(value)}`);
        }
        out[i] = BigInt(value);
      }
      return out;
    }
    case 'BYTES': {
      const out: string[] = new Array<string>(n);
      for (let i = 0; i < n; i++) {
        const value = values[i];
        if (typeof value === 'string') out[i] = value;
        else if (value instanceof Uint8Array) out[i] = Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('utf8');
        else throw invalidArgument(`${field}[${i}]: expected a string, got ${describe(value)}`);
      }
      return out;
    }
  }
}

function fill<T extends Float32Array | Float64Array | Int32Array>(out: T, values: ArrayLike<unknown>, field: string, valid: (v: unknown) => v is number): T {
  for (let i = 0; i < out.length; i++) {
    const value = values[i];
    if (!valid(value)) throw invalidArgument(`${field}[${i}]: expected a number, got ${describe(value)}`);
    out[i] = value;
  }
  return out;
}

const isNumber = (value: unknown): value is number => typeof value === 'number';
const isInt32 = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= -(2 ** 31) && (value as number) < 2 ** 31;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `string ${JSON.stringify(value.slice(0, 40))}` : typeof value;
}
