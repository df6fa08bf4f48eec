import { RowBinaryWriter } from '@flywheel/clickhouse';
import { type InferenceLog, Topic, codecForTopic, encodeInferenceLog } from '@flywheel/contracts';
import fc from 'fast-check';
import { mapInferenceLog } from '../consume/map-inference-log';
import { inferenceLogRow } from '../rows/inference-log-row';
import { INFERENCE_LOG_ROW_BINARY } from '../rows/inference-log-row-binary';
import { checkInferenceLog } from '../validation/check-inference-log';
import { MAX_TIMESTAMP_MS } from '../validation/event-checks';
import type { FeatureKind, FeatureSchema } from '../validation/feature-schema';
import { MAX_KEYS } from './seen-keys';
import { WireLog, scanWireLog } from './wire-log';
import { ingestedLogCodec } from './wire-log-codec';
import { STORED_LOG_ROW_BINARY } from './wire-log-row-binary';

// The decoded path (decode, checkInferenceLog, inferenceLogRow, RowBinary) is the oracle: for
// any bytes and schema, the bytes path must throw the same error, give the same reason, or
// write the same RowBinary bytes. Each property also counts how often the bytes path was taken,
// so it cannot pass by always falling back.

type Outcome = { threw: string } | { reason: string } | { row: string };

const decodedCodec = codecForTopic(Topic.InferenceLogs);

function decodedPath(bytes: Uint8Array, schema: FeatureSchema | undefined): Outcome {
  let log: InferenceLog;
  try {
    log = decodedCodec.decode(bytes);
  } catch (error) {
    return { threw: (error as Error).message };
  }
  const check = checkInferenceLog(log, schema);
  if (!check.ok) return { reason: check.reason };
  const out = new RowBinaryWriter(16);
  INFERENCE_LOG_ROW_BINARY.write(inferenceLogRow(log, check.variant, check.status), out);
  return { row: out.bytes().toString('hex') };
}

let wireRows = 0;

function bytesPath(bytes: Uint8Array, schema: FeatureSchema | undefined): Outcome {
  let value;
  try {
    value = ingestedLogCodec.decode(bytes);
  } catch (error) {
    return { threw: (error as Error).message };
  }
  const mapped = mapInferenceLog(value, schema);
  if ('reason' in mapped) return { reason: mapped.reason };
  if (mapped.row instanceof WireLog) wireRows++;
  const out = new RowBinaryWriter(16);
  STORED_LOG_ROW_BINARY.write(mapped.row, out);
  return { row: out.bytes().toString('hex') };
}

function expectSamePaths(bytes: Uint8Array, schema: FeatureSchema | undefined): void {
  expect(bytesPath(bytes, schema)).toEqual(decodedPath(bytes, schema));
}

// Mostly plain values, so that most random logs are valid; the rest are what the checks and the
// fallback exist for (digit names, unicode, a BOM, empty names, NaN, out-of-range numbers).
const NAMES = ['f0', 'f1', 'f2', 'amount', 'country', 'flag', 'ü-name', '😀', 'constructor', ' '];
const TRICKY_NAMES = ['0', '12', '007', ''];
const name = fc.oneof(
  { weight: 40, arbitrary: fc.constantFrom(...NAMES) },
  {
    weight: 20,
    arbitrary: fc
      .string({ minLength: 1, maxLength: 12 })
      .filter((key) => key !== '__proto__' && !/^[0-9]*$/.test(key)),
  },
  fc.constantFrom(...TRICKY_NAMES),
  fc.string({ unit: 'binary', maxLength: 6 }).filter((key) => key !== '__proto__'),
);
const text = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom('a', 'true', 'false', 'DE', 'München', 'x'.repeat(140), '') },
  { weight: 5, arbitrary: fc.string() },
  fc.string({ unit: 'binary' }),
  fc.constant('\ufeffbom'),
);
const finite = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom(0, -0, 0.5),
);
const double = fc.oneof({ weight: 100, arbitrary: finite }, fc.constantFrom(Number.NaN, Infinity, -Infinity));
const prediction = fc.record({
  score: double,
  label: text,
  rawOutputs: fc.dictionary(name, double, { maxKeys: 3 }),
});
const inferenceLog: fc.Arbitrary<InferenceLog> = fc
  .record({
    requestId: fc.oneof({ weight: 20, arbitrary: fc.uuid() }, text, fc.constantFrom('', ' \t')),
    modelName: fc.oneof({ weight: 20, arbitrary: fc.constantFrom('churn', 'fraud-v2') }, text),
    modelVersion: fc.oneof(
      { weight: 20, arbitrary: fc.integer({ min: 0, max: 40 }) },
      fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
    ),
    variant: fc.oneof({ weight: 20, arbitrary: fc.integer({ min: 0, max: 3 }) }, fc.constantFrom(-1, 4)),
    timestampMs: fc.oneof(
      { weight: 20, arbitrary: fc.integer({ min: 1_700_000_000_000, max: 1_900_000_000_000 }) },
      fc.constantFrom(0, -1, 1, MAX_TIMESTAMP_MS - 1, MAX_TIMESTAMP_MS, Number.MAX_SAFE_INTEGER),
    ),
    numericFeatures: fc.dictionary(name, double, { maxKeys: 25 }),
    categoricalFeatures: fc.dictionary(name, text, { maxKeys: 6 }),
    prediction: fc.option(prediction, { nil: undefined }),
    latencyMs: fc.oneof({ weight: 20, arbitrary: fc.double({ min: 0, max: 500, noNaN: true }) }, double),
    status: fc.oneof({ weight: 20, arbitrary: fc.integer({ min: 0, max: 2 }) }, fc.constantFrom(-1, 3)),
    error: fc.oneof({ weight: 3, arbitrary: fc.constant('') }, text),
  })
  .map(({ prediction, ...rest }) => (prediction === undefined ? rest : { ...rest, prediction }));

const KINDS: FeatureKind[] = ['numeric', 'integer', 'categorical', 'boolean', 'any'];
const schema: fc.Arbitrary<FeatureSchema | undefined> = fc.option(
  fc
    .array(fc.record({ name: fc.constantFrom(...NAMES, ...TRICKY_NAMES), kind: fc.constantFrom(...KINDS) }), {
      minLength: 1,
      maxLength: 4,
    })
    .map((inputs) => ({ inputs })),
  { nil: undefined },
);

/** A log built to pass every check (and its schema when one is made from its features). */
function validLog(overrides: Partial<InferenceLog> = {}): InferenceLog {
  return {
    requestId: '3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b',
    modelName: 'churn',
    modelVersion: 3,
    variant: 1,
    timestampMs: 1_795_000_000_123,
    numericFeatures: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`num_${i}`, i * 1.25 - 3])),
    categoricalFeatures: { country: 'DE', city: 'München', flag: 'true', empty: '' },
    prediction: { score: 0.73, label: 'churn', rawOutputs: { churn: 0.73, stay: 0 } },
    latencyMs: 1.7,
    status: 1,
    error: '',
    ...overrides,
  };
}

describe('the bytes path of inference logs (WireLog)', () => {
  beforeEach(() => {
    wireRows = 0;
  });

  it('stores a realistic log from its bytes, exactly as the decoded path would', () => {
    const bytes = encodeInferenceLog(validLog());
    expect(scanWireLog(bytes)).toBeInstanceOf(WireLog);
    expectSamePaths(bytes, undefined);
    expect(wireRows).toBe(1);
  });

  it('checks a schema on the bytes: a log that meets it stays bytes, one that does not gets the same reason', () => {
    const bytes = encodeInferenceLog(validLog());
    const meets: FeatureSchema = {
      inputs: [
        { name: 'num_1', kind: 'numeric' },
        { name: 'num_4', kind: 'integer' },
        { name: 'flag', kind: 'boolean' },
        { name: 'country', kind: 'categorical' },
      ],
    };
    expectSamePaths(bytes, meets);
    expect(wireRows).toBe(1);
    for (const fails of [
      { inputs: [{ name: 'num_1', kind: 'integer' as const }] },
      { inputs: [{ name: 'missing', kind: 'any' as const }] },
      { inputs: [{ name: 'country', kind: 'numeric' as const }] },
      { inputs: [{ name: 'num_2', kind: 'categorical' as const }] },
      { inputs: [{ name: 'city', kind: 'boolean' as const }] },
    ]) {
      const outcome = bytesPath(bytes, fails);
      expect(outcome).toHaveProperty('reason');
      expect(outcome).toEqual(decodedPath(bytes, fails));
    }
  });

  it('matches the decoded path for random logs and schemas, and takes the bytes path for most valid ones', () => {
    fc.assert(
      fc.property(inferenceLog, schema, (log, featureSchema) => {
        expectSamePaths(encodeInferenceLog(log), featureSchema);
      }),
      { numRuns: 4000 },
    );
    // Most of these random logs are valid; a good share must not fall back.
    expect(wireRows).toBeGreaterThan(1000);
  });

  it('matches the decoded path for logs that meet a schema made from their own features', () => {
    const withSchema = fc
      .tuple(inferenceLog, fc.array(fc.constantFrom(...KINDS), { minLength: 1, maxLength: 6 }))
      .map(([log, kinds]) => {
        const names = [...Object.keys(log.numericFeatures), ...Object.keys(log.categoricalFeatures)];
        const inputs = kinds.flatMap((kind, i) =>
          names.length > 0 ? [{ name: names[i % names.length]!, kind }] : [],
        );
        return { log: { ...log, status: 1, error: '' }, schema: inputs.length > 0 ? { inputs } : undefined };
      });
    fc.assert(
      fc.property(withSchema, ({ log, schema: featureSchema }) => {
        expectSamePaths(encodeInferenceLog(log), featureSchema);
      }),
      { numRuns: 3000 },
    );
    expect(wireRows).toBeGreaterThan(200);
  });

  it('matches the decoded path for two logs in one record (protobuf merges them: repeated fields and keys)', () => {
    fc.assert(
      fc.property(inferenceLog, inferenceLog, schema, (first, second, featureSchema) => {
        expectSamePaths(
          Buffer.concat([encodeInferenceLog(first), encodeInferenceLog(second)]),
          featureSchema,
        );
      }),
      { numRuns: 1500 },
    );
  });

  it('matches the decoded path for corrupted and random bytes', () => {
    const corrupted = fc
      .tuple(inferenceLog, fc.nat(), fc.nat({ max: 255 }), fc.boolean())
      .map(([log, at, byte, truncate]) => {
        const bytes = Buffer.from(encodeInferenceLog(log));
        if (bytes.length === 0) return bytes;
        return truncate
          ? bytes.subarray(0, at % bytes.length)
          : (bytes.writeUInt8(byte, at % bytes.length), bytes);
      });
    fc.assert(
      fc.property(fc.oneof(corrupted, fc.uint8Array({ maxLength: 300 })), schema, (bytes, featureSchema) => {
        expectSamePaths(bytes, featureSchema);
      }),
      { numRuns: 6000 },
    );
  });

  it('falls back, with the same result, for encodings other encoders may write', () => {
    // Ends with its timestamp (field 5), so a numeric feature (field 6) can follow in order.
    const plain = Buffer.from(
      encodeInferenceLog(
        validLog({
          numericFeatures: {},
          categoricalFeatures: {},
          prediction: undefined,
          latencyMs: 0,
          status: 0,
        }),
      ),
    );
    const explicitZero = Buffer.concat([
      plain,
      Buffer.from([0x32, 12, 10, 1, 0x7a, 17, 0, 0, 0, 0, 0, 0, 0, 0]),
    ]); // z: 0.0, written
    const overlongTag = Buffer.concat([Buffer.from([0xca, 0x00]), plain.subarray(1)]); // field 1 with a two-byte tag
    const unknownField = Buffer.concat([plain, Buffer.from([0xa0, 0x06, 0x01])]); // field 100, varint 1
    const valueFirst = Buffer.concat([
      plain,
      Buffer.from([0x32, 12, 17, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f, 10, 1, 0x77]),
    ]); // w: 1.0, value before key
    const reordered = Buffer.concat([Buffer.from([0x48, 0x01]), plain]); // status before request_id
    const one = [0x32, 12, 10, 1, 0x61, 17, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f]; // a: 1.0
    const two = [0x32, 12, 10, 1, 0x61, 17, 0, 0, 0, 0, 0, 0, 0, 0x40]; // a: 2.0
    const repeatedKey = Buffer.concat([plain, Buffer.from([...one, ...two])]); // the last value wins
    const repeatedCategorical = Buffer.concat([
      plain,
      Buffer.from([0x3a, 6, 10, 1, 0x63, 18, 1, 0x78, 0x3a, 6, 10, 1, 0x63, 18, 1, 0x79]),
    ]);
    const protoKey = encodeInferenceLog(
      validLog({ numericFeatures: JSON.parse('{"__proto__": 1, "b": 2}') as Record<string, number> }),
    );
    for (const bytes of [
      explicitZero,
      overlongTag,
      unknownField,
      valueFirst,
      reordered,
      repeatedKey,
      repeatedCategorical,
      protoKey,
    ])
      expectSamePaths(bytes, undefined);
    expect(scanWireLog(explicitZero)).toBeInstanceOf(WireLog);
    expect(scanWireLog(unknownField)).toBeUndefined();
    expect(scanWireLog(valueFirst)).toBeUndefined();
    expect(scanWireLog(reordered)).toBeUndefined();
    expect(scanWireLog(repeatedKey)).toBeUndefined();
    expect(scanWireLog(repeatedCategorical)).toBeUndefined();
    expect(scanWireLog(protoKey)).toBeUndefined();
  });

  it('falls back for a map of more keys than it tracks, and stores it the same', () => {
    const wide = (keys: number) =>
      encodeInferenceLog(
        validLog({
          numericFeatures: Object.fromEntries(Array.from({ length: keys }, (_, i) => [`f${i}`, i])),
        }),
      );
    expect(scanWireLog(wide(MAX_KEYS))).toBeInstanceOf(WireLog);
    expect(scanWireLog(wide(MAX_KEYS + 1))).toBeUndefined();
    expectSamePaths(wide(MAX_KEYS), undefined);
    expectSamePaths(wide(MAX_KEYS + 1), undefined);
  });

  it('leaves JSON payloads and invalid logs to the decoded path', () => {
    expect(ingestedLogCodec.fromJSON({ requestId: 'r', modelName: 'm' })).not.toBeInstanceOf(WireLog);
    expect(ingestedLogCodec.decode(encodeInferenceLog(validLog({ requestId: '' })))).not.toBeInstanceOf(
      WireLog,
    );
    expect(
      ingestedLogCodec.decode(encodeInferenceLog(validLog({ numericFeatures: { '1': 2 } }))),
    ).not.toBeInstanceOf(WireLog);
  });

  it('encodes and prints a WireLog as the log it holds', () => {
    const log = validLog();
    const wire = ingestedLogCodec.decode(encodeInferenceLog(log));
    expect(wire).toBeInstanceOf(WireLog);
    expect(decodedCodec.decode(ingestedLogCodec.encode(wire))).toEqual(log);
    expect(ingestedLogCodec.toJSON(wire)).toEqual(decodedCodec.toJSON(log));
  });
});
