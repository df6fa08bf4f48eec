import { DATATYPES, type Datatype, type TensorData } from './datatypes';
import { invalidArgument } from './inference-error';

/**
 * One `raw_input_contents` entry as runtime data: little-endian elements, or for BYTES each
 * element as a 4-byte little-endian length followed by that many bytes.
 * @throws InferenceError naming the field when the byte length does not match the shape.
 */
export function decodeRaw(datatype: Datatype, raw: Uint8Array, count: number, field: string): TensorData {
  if (datatype === 'BYTES') return decodeRawBytes(raw, count, field);
  const size = DATATYPES[datatype].elementBytes;
  if (raw.byteLength !== count * size) {
    throw invalidArgument(`${field}: expected ${count * size} bytes (${count} ${datatype} elements), got ${raw.byteLength}`);
  }
  // Copy into a fresh, aligned buffer: gRPC hands out views at arbitrary offsets.
  const copy = new Uint8Array(raw).buffer; // copies (Buffer#slice would not)
  switch (datatype) {
    case 'FP32':
      return new Float32Array(copy);
    case 'FP64':
      return new Float64Array(copy);
    case 'INT64':
      return new BigInt64Array(copy);
    case 'INT32':
      return new Int32Array(copy);
    case 'BOOL':
      return new Uint8Array(copy);
  }
}

function decodeRawBytes(raw: Uint8Array, count: number, field: string): string[] {
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const out: string[] = [];
  let offset = 0;
  while (offset < raw.byteLength) {
    if (offset + 4 > raw.byteLength) throw invalidArgument(`${field}: truncated length prefix of BYTES element ${out.length}`);
    const length = view.getUint32(offset, true);
    offset += 4;
    if (offset + length > raw.byteLength) throw invalidArgument(`${field}: BYTES element ${out.length} runs past the end`);
    out.push(Buffer.from(raw.buffer, raw.byteOffset + offset, length).toString('utf8'));
    offset += length;
    if (out.length > count) break;
  }
  if (out.length !== count) throw invalidArgument(`${field}: expected ${count} BYTES elements for the shape, got ${out.length}${out.length > count ? '+' : ''}`);
  return out;
}

/** Encodes runtime data as raw contents (the inverse of `decodeRaw`). */
export function encodeRaw(data: TensorData): Buffer {
  if (Array.isArray(data)) {
    const parts = data.map((value) => Buffer.from(value, 'utf8'));
    const out = Buffer.allocUnsafe(parts.reduce((sum, part) => sum + 4 + part.length, 0));
    let offset = 0;
    for (const part of parts) {
      out.writeUInt32LE(part.length, offset);
      part.copy(out, offset + 4);
      offset += 4 + part.length;
    }
    return out;
  }
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}
