import fc from 'fast-check';
import { InferenceLog, type InferenceStatus } from './gen/flywheel/inference/v1/inference_log';
import { decodeInferenceLog, encodeInferenceLog } from './inference-log-binary';

// The generated code is the oracle: the hand-written codec must write the same bytes and read
// the same messages, and throw on exactly the inputs the generated decoder throws on.

const generatedBytes = (log: InferenceLog) => Buffer.from(InferenceLog.encode(log).finish());

type Outcome = { ok: true; log: InferenceLog } | { ok: false };
function outcome(decode: (bytes: Uint8Array) => InferenceLog, bytes: Uint8Array): Outcome {
  try {
    return { ok: true, log: decode(bytes) };
  } catch {
    return { ok: false };
  }
}

// Keys that are plain object keys (ts-proto maps are objects; `__proto__` is not a key there).
const key = fc
  .oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('', 'f0', 'amount', 'ü', '😀', '\ud800'))
  .filter((k) => k !== '__proto__');
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ minLength: 30, maxLength: 80 }),
  fc.constant(''),
);
const double = fc.oneof(
  fc.double(),
  fc.constantFrom(0, -0, 1, -1.5, Number.NaN, Infinity, -Infinity, Number.MIN_VALUE),
);
const int32 = fc.oneof(fc.integer(), fc.constantFrom(0, 1, -1, 127, 128, 2 ** 31 - 1, -(2 ** 31)));
const timestamp = fc.oneof(
  fc.integer({ min: 0, max: 2 ** 42 }),
  fc.maxSafeInteger(),
  fc.constantFrom(0, -1, 127, 128, 2 ** 32, 2 ** 35 - 1, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER),
);
const prediction = fc.record({
  score: double,
  label: text,
  rawOutputs: fc.dictionary(key, double, { maxKeys: 4 }),
});
const inferenceLog: fc.Arbitrary<InferenceLog> = fc
  .record({
    requestId: text,
    modelName: text,
    modelVersion: int32,
    variant: fc.oneof(fc.integer({ min: -1, max: 4 }), int32),
    timestampMs: timestamp,
    numericFeatures: fc.dictionary(key, double, { maxKeys: 30 }),
    categoricalFeatures: fc.dictionary(key, text, { maxKeys: 8 }),
    prediction: fc.option(prediction, { nil: undefined }),
    latencyMs: double,
    status: fc.oneof(fc.integer({ min: -1, max: 3 }), int32),
    error: text,
  })
  .map(({ prediction, ...rest }) => (prediction === undefined ? rest : { ...rest, prediction }));

function realisticLog(): InferenceLog {
  return InferenceLog.fromPartial({
    requestId: '3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b',
    modelName: 'churn_model',
    modelVersion: 3,
    variant: 1,
    timestampMs: 1_795_000_000_123,
    numericFeatures: Object.fromEntries(
      Array.from({ length: 20 }, (_, i) => [`num_feature_${i}`, i * 1.25 - 3]),
    ),
    categoricalFeatures: Object.fromEntries(
      Array.from({ length: 5 }, (_, i) => [`cat_feature_${i}`, `value_${i % 3}`]),
    ),
    prediction: { score: 0.73, label: 'churn', rawOutputs: { churn: 0.73, stay: 0.27 } },
    latencyMs: 1.7,
    status: 1,
  });
}

describe('encodeInferenceLog', () => {
  it('writes the bytes of the generated encoder for a realistic log', () => {
    const log = realisticLog();
    expect(Buffer.from(encodeInferenceLog(log))).toEqual(generatedBytes(log));
  });

  it('writes the bytes of the generated encoder for any log', () => {
    fc.assert(
      fc.property(inferenceLog, (log) => {
        expect(Buffer.from(encodeInferenceLog(log)).equals(generatedBytes(log))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('writes a log larger than its scratch buffer, and a small one after it', () => {
    const big = {
      ...realisticLog(),
      numericFeatures: Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`feature_${i}`, i / 7])),
    };
    expect(Buffer.from(encodeInferenceLog(big)).equals(generatedBytes(big))).toBe(true);
    expect(Buffer.from(encodeInferenceLog(realisticLog())).equals(generatedBytes(realisticLog()))).toBe(true);
  });

  it('writes the next log whole after one it refused', () => {
    expect(() => encodeInferenceLog({ ...realisticLog(), status: 0.5 as InferenceStatus })).toThrow(
      /invalid int32/,
    );
    expect(Buffer.from(encodeInferenceLog(realisticLog())).equals(generatedBytes(realisticLog()))).toBe(true);
  });

  it('writes an all-default log as no bytes', () => {
    expect(encodeInferenceLog(InferenceLog.fromPartial({}))).toHaveLength(0);
  });

  it.each([
    ['modelVersion', 1.5, /invalid int32: 1\.5/],
    ['modelVersion', 2 ** 31, /invalid int32/],
    ['status', Number.NaN, /invalid int32: NaN/],
    ['variant', -(2 ** 31) - 1, /invalid int32/],
    ['timestampMs', 0.5, /not an integer/],
    ['timestampMs', 2 ** 63, /invalid int64/],
  ])('refuses %s = %p as the generated encoder does', (field, value, message) => {
    const log = { ...realisticLog(), [field]: value };
    expect(() => InferenceLog.encode(log).finish()).toThrow();
    expect(() => encodeInferenceLog(log)).toThrow(message);
  });
});

describe('decodeInferenceLog', () => {
  it('reads what it writes', () => {
    fc.assert(
      fc.property(inferenceLog, (log) => {
        expect(decodeInferenceLog(encodeInferenceLog(log))).toEqual(InferenceLog.decode(generatedBytes(log)));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a realistic log back whole', () => {
    const log = realisticLog();
    expect(decodeInferenceLog(encodeInferenceLog(log))).toEqual(log);
  });

  it('reads random bytes as the generated decoder does (same message or both throw)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(outcome(decodeInferenceLog, bytes)).toEqual(outcome((b) => InferenceLog.decode(b), bytes));
      }),
      { numRuns: 20000 },
    );
  });

  it('reads corrupted logs as the generated decoder does', () => {
    const corrupted = fc
      .tuple(
        inferenceLog,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
        fc.nat(),
      )
      .map(([log, edits, cut]) => {
        const bytes = Buffer.from(generatedBytes(log));
        if (bytes.length === 0) return bytes;
        for (const [at, value] of edits) bytes[at % bytes.length] = value;
        return cut % 3 === 0 ? bytes.subarray(0, cut % (bytes.length + 1)) : bytes;
      });
    fc.assert(
      fc.property(corrupted, (bytes) => {
        expect(outcome(decodeInferenceLog, bytes)).toEqual(outcome((b) => InferenceLog.decode(b), bytes));
      }),
      { numRuns: 5000 },
    );
  });

  it('skips unknown fields of every wire type, groups included', () => {
    const known = generatedBytes(realisticLog());
    // field 20 varint 300, field 21 fixed64, field 22 bytes "hi", field 23 fixed32, group 24 { field 1 varint 5 }
    const unknown = Buffer.from([
      0xa0, 0x01, 0xac, 0x02, 0xa9, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 0xb2, 0x01, 2, 0x68, 0x69, 0xbd, 0x01, 1, 2,
      3, 4, 0xc3, 0x01, 0x08, 5, 0xc4, 0x01,
    ]);
    const bytes = Buffer.concat([unknown, known]);
    expect(decodeInferenceLog(bytes)).toEqual(InferenceLog.decode(bytes));
    expect(decodeInferenceLog(bytes)).toEqual(realisticLog());
  });

  it.each([
    ['a truncated string', Buffer.from([0x0a, 0x05, 0x61, 0x62])],
    ['a truncated double', Buffer.from([0x49, 0, 0, 0])],
    ['an unterminated varint', Buffer.from([0x18, 0xff, 0xff])],
    ['an eleven-byte varint', Buffer.from([0x18, ...Array(10).fill(0xff), 0x01])],
    ['a timestamp beyond 2^53', Buffer.from([0x28, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x10])],
    ['wire type 6', Buffer.from([0x0e])],
    ['a group never closed', Buffer.from([0xc3, 0x01, 0x08, 0x05])],
  ])('throws on %s, as the generated decoder does', (_what, bytes) => {
    expect(() => InferenceLog.decode(bytes)).toThrow();
    expect(() => decodeInferenceLog(bytes)).toThrow();
  });

  it('reads from a view into a larger buffer (as Kafka hands out values)', () => {
    const bytes = generatedBytes(realisticLog());
    const backing = Buffer.concat([Buffer.from([0xff, 0xff, 0xff]), bytes, Buffer.from([0x0e])]);
    expect(decodeInferenceLog(backing.subarray(3, 3 + bytes.length))).toEqual(realisticLog());
  });
});
