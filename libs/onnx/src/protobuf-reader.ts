/** One top-level field of a protobuf message, as found by `readFields`. */
export interface ProtobufField {
  field: number;
  wireType: number;
  /** Set for varints. */
  value?: number;
  /** Set for length-delimited fields (a view into the input, not a copy). */
  bytes?: Uint8Array;
}

/** Thrown when bytes are not a well-formed protobuf message. */
export class ProtobufDecodeError extends Error {
  override readonly name = 'ProtobufDecodeError';
}

/**
 * Walks the top-level fields of a protobuf message. Enough to pull a few fields out of an
 * ONNX model (metadata, graph inputs) without a full schema.
 */
export function readFields(bytes: Uint8Array): ProtobufField[] {
  const fields: ProtobufField[] = [];
  let offset = 0;
  const varint = (): number => {
    let result = 0;
    let scale = 1;
    for (;;) {
      if (offset >= bytes.length) throw new ProtobufDecodeError('truncated varint');
      const byte = bytes[offset++] as number;
      result += (byte & 0x7f) * scale;
      if (byte < 0x80) return result;
      scale *= 0x80;
      if (scale > 2 ** 70) throw new ProtobufDecodeError('varint longer than 10 bytes');
    }
  };
  while (offset < bytes.length) {
    const key = varint();
    const field = Math.floor(key / 8);
    const wireType = key % 8;
    switch (wireType) {
      case 0:
        fields.push({ field, wireType, value: varint() });
        break;
      case 1:
        offset += 8;
        break;
      case 2: {
        const length = varint();
        if (offset + length > bytes.length) throw new ProtobufDecodeError(`field ${field} runs past the end`);
        fields.push({ field, wireType, bytes: bytes.subarray(offset, offset + length) });
        offset += length;
        break;
      }
      case 5:
        offset += 4;
        break;
      default:
        throw new ProtobufDecodeError(`unsupported wire type ${wireType} for field ${field}`);
    }
  }
  if (offset > bytes.length) throw new ProtobufDecodeError('message truncated');
  return fields;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new ProtobufDecodeError('string field is not valid UTF-8');
  }
}
