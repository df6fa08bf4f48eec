import { InferenceLog } from './gen/flywheel/inference/v1/inference_log';
import { codecFor, MessageDecodeError } from './message-codec';

const codec = codecFor(InferenceLog, 'flywheel.inference.v1.InferenceLog');

function decodeError(run: () => unknown): MessageDecodeError {
  try {
    run();
  } catch (error) {
    if (error instanceof MessageDecodeError) return error;
    throw error;
  }
  throw new Error('expected a MessageDecodeError, but decoding succeeded');
}

describe('codecFor', () => {
  it.each([
    ['a truncated length-delimited field', [0x0a, 0x05, 0x61]],
    ['an unterminated varint', [0x08]],
    ['an over-long varint', [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]],
    ['an invalid wire type', [0x0f]],
  ])('throws MessageDecodeError on %s so the consumer can dead-letter it', (_case, bytes) => {
    const error = decodeError(() => codec.decode(new Uint8Array(bytes)));
    expect(error.typeName).toBe('flywheel.inference.v1.InferenceLog');
    expect(error.encoding).toBe('binary');
    expect(error.message).toMatch(/^cannot decode flywheel\.inference\.v1\.InferenceLog from binary: /);
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('throws MessageDecodeError when a JSON payload arrives on the binary path', () => {
    const json = new TextEncoder().encode('{"requestId":"r-1","modelName":"fraud"}');
    expect(() => codec.decode(json)).toThrow(MessageDecodeError);
  });

  it.each<[string, unknown, RegExp]>([
    ['a non-number in an integer field', { modelVersion: 'x' }, /a field holds a value its type cannot \(invalid int32: NaN\)/],
    ['a fraction in an integer field', { modelVersion: 1.5 }, /invalid int32: 1\.5/],
    ['an overflowing int64', JSON.parse('{"timestampMs": 1e309}'), /a field holds a value its type cannot/],
    ['an int64 beyond 2^53', { timestampMs: '9007199254740993' }, /larger than Number\.MAX_SAFE_INTEGER/],
    ['a lone surrogate', { requestId: 'r-\ud800' }, /the string at requestId is not valid Unicode/],
    ['a __proto__ map key', JSON.parse('{"categoricalFeatures":{"__proto__":"x"}}'), /the key categoricalFeatures\.__proto__ is not allowed/],
  ])('refuses JSON with %s instead of yielding a message that breaks on re-encoding', (_case, json, reason) => {
    const error = decodeError(() => codec.fromJSON(json));
    expect(error.encoding).toBe('json');
    expect(error.message).toMatch(reason);
  });

  it('still coerces JSON values the binary format can carry, as ts-proto does', () => {
    expect(codec.fromJSON({ modelVersion: '3', timestampMs: '1700000000000', latencyMs: 'NaN' })).toMatchObject({
      modelVersion: 3,
      timestampMs: 1_700_000_000_000,
      latencyMs: Number.NaN,
    });
  });

  it('rejects a non-byte value with the type it got', () => {
    expect(decodeError(() => codec.decode('text' as unknown as Uint8Array)).message).toBe(
      'cannot decode flywheel.inference.v1.InferenceLog from binary: expected bytes, got string',
    );
  });

  it.each([
    ['null', null, 'null'],
    ['an array', [1, 2], 'an array'],
    ['a string', 'req-1', 'string'],
    ['a number', 7, 'number'],
  ])('rejects %s as JSON instead of decoding it to defaults', (_case, json, described) => {
    const error = decodeError(() => codec.fromJSON(json));
    expect(error.encoding).toBe('json');
    expect(error.message).toBe(
      `cannot decode flywheel.inference.v1.InferenceLog from json: expected a JSON object, got ${described}`,
    );
  });

  it('encodes to bytes that the generated decoder reads back', () => {
    const message = InferenceLog.fromPartial({ requestId: 'r-1', modelName: 'fraud', timestampMs: 1 });
    expect(InferenceLog.decode(codec.encode(message))).toEqual(message);
  });
});
