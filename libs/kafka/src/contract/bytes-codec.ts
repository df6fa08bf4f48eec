import { MessageCodec } from '@flywheel/contracts';

/**
 * Leaves values as bytes: for DLQ tooling, relays and benchmarks that move payloads without
 * knowing their type. Its JSON form is base64, as proto3 maps `bytes`.
 */
export const bytesCodec: MessageCodec<Uint8Array> = Object.freeze({
  typeName: 'bytes',
  encode: (message: Uint8Array) => message,
  decode: (bytes: Uint8Array) => bytes,
  fromJSON(json: unknown): Uint8Array {
    if (typeof json !== 'string') throw new Error(`bytes: expected a base64 JSON string, got ${json === null ? 'null' : typeof json}`);
    return Buffer.from(json, 'base64');
  },
  toJSON: (message: Uint8Array) => Buffer.from(message.buffer, message.byteOffset, message.byteLength).toString('base64'),
});
