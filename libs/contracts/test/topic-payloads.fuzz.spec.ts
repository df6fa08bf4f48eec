import fc from 'fast-check';
import { MessageDecodeError, type MessageCodec } from '../src/message-codec';
import { ALL_TOPICS, type Topic } from '../src/topic';
import { TOPIC_CODECS } from '../src/topic-messages';
import { SAMPLE_MESSAGES } from './sample-messages';

// Event payloads come from any producer that can write to a topic. For every topic, binary and
// JSON decoding must return a message or throw MessageDecodeError (which the consumer dead-letters),
// quickly; and what decodes must encode again, since consumers re-encode what they forward.

const DEADLINE_MS = 200;
const RUNS = 1_000; // per topic and encoding: 7 topics × 1 000

class DeadlineExceeded extends Error {}

/** Runs `work`; its result or error stands only if it came within the deadline. */
function timed<T>(work: () => T): T {
  const started = performance.now();
  let outcome: { value: T } | { error: unknown };
  try {
    outcome = { value: work() };
  } catch (error) {
    outcome = { error };
  }
  const elapsed = performance.now() - started;
  if (elapsed > DEADLINE_MS) throw new DeadlineExceeded(`decoding took ${elapsed.toFixed(1)} ms, over ${DEADLINE_MS} ms`);
  if ('error' in outcome) throw outcome.error;
  return outcome.value;
}

/** Decodes; a success must survive encode and toJSON, a failure must be MessageDecodeError. */
function expectDecodesOrRejects<T>(codec: MessageCodec<T>, decode: () => T, encoding: 'binary' | 'json'): void {
  let message: T;
  try {
    message = timed(decode);
  } catch (error) {
    if (error instanceof DeadlineExceeded) throw error;
    expect(error).toBeInstanceOf(MessageDecodeError);
    expect(error).toMatchObject({ typeName: codec.typeName, encoding });
    return;
  }
  const bytes = timed(() => codec.encode(message));
  // Compared as JSON text: binary protobuf cannot tell -0 from 0, which is no loss.
  expect(JSON.stringify(codec.toJSON(codec.decode(bytes)))).toBe(JSON.stringify(timed(() => codec.toJSON(message))));
  expect(Object.prototype).not.toHaveProperty('polluted');
}

function varint(value: bigint): number[] {
  const bytes: number[] = [];
  let rest = value;
  do {
    const low = Number(rest & 0x7fn);
    rest >>= 7n;
    bytes.push(rest > 0n ? low | 0x80 : low);
  } while (rest > 0n);
  return bytes;
}

// Hand-made wire records: any field number and wire type, huge or negative lengths, deep nesting.
const wireRecord = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 7 }), fc.uint8Array({ maxLength: 12 })).map(
    ([field, wireType, payload]) => [...varint(BigInt((field << 3) | wireType)), ...payload],
  ),
  fc.tuple(fc.integer({ min: 1, max: 40 }), fc.bigInt({ min: 0n, max: 2n ** 64n - 1n })).map(([field, length]) => [
    ...varint(BigInt((field << 3) | 2)),
    ...varint(length),
  ]),
  fc.integer({ min: 1, max: 3_000 }).map((depth) => Array.from({ length: depth }, () => [0x0a, 0x7f]).flat()),
);
const hostileBytes = (sample: Uint8Array) =>
  fc.oneof(
    fc.uint8Array({ maxLength: 512 }),
    fc.array(wireRecord, { maxLength: 8 }).map((records) => Uint8Array.from(records.flat())),
    // The topic's real payload with bytes flipped, cut or spliced in.
    fc
      .array(fc.tuple(fc.nat({ max: sample.length }), fc.nat({ max: 4 }), fc.uint8Array({ maxLength: 6 })), {
        minLength: 1,
        maxLength: 4,
      })
      .map((edits) =>
        edits.reduce<Uint8Array>(
          (bytes, [at, cut, inserted]) => Uint8Array.from([...bytes.slice(0, at), ...inserted, ...bytes.slice(at + cut)]),
          sample,
        ),
      ),
  );

const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '__proto__', 'constructor', 'prototype', '1e309', '-1e309', 'NaN', 'Infinity', '-0', '9'.repeat(400),
    '9007199254740993', '-9223372036854775809', '0x10', '1.5', ' 1', '', "'; DROP TABLE inference_logs; --",
    'VARIANT_CHAMPION', 'VARIANT_UNKNOWN_VALUE', 'STATUS_OK', '\u0000', '\ud800', '🧪',
  ),
);
const hostileLeaf = fc.oneof(
  hostileString,
  fc.double(),
  // What JSON.parse makes of 1e309 and -1e309, and integers beyond what int32/int64 fields hold.
  fc.constantFrom(Infinity, -Infinity, Number.MAX_SAFE_INTEGER + 2, 2 ** 64, -(2 ** 63) - 1, 0.5, -1, 2 ** 31, true, null),
);
const { json: hostileJson } = fc.letrec<{ json: unknown }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileLeaf,
    fc.array(tie('json'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(hostileString, fc.constantFrom('__proto__', 'constructor')), tie('json'), { maxKeys: 5 }),
  ),
}));

/** JSON objects using the message's own field names (both spellings) with hostile values. */
function fieldShaped(sample: unknown): fc.Arbitrary<Record<string, unknown>> {
  const names = Object.keys((sample as Record<string, unknown>) ?? {});
  const snake = names.map((name) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
  return fc.dictionary(fc.constantFrom(...names, ...snake, '__proto__'), hostileJson, { maxKeys: 8 });
}

describe.each(ALL_TOPICS.map((topic) => [topic] as [Topic]))('payloads of %s', (topic) => {
  const codec = TOPIC_CODECS[topic] as MessageCodec<unknown>;
  const sample = codec.encode(SAMPLE_MESSAGES[topic]);
  const sampleJson = codec.toJSON(SAMPLE_MESSAGES[topic]);

  it(`binary: decode returns a re-encodable message or throws MessageDecodeError, within ${DEADLINE_MS} ms`, () => {
    fc.assert(
      fc.property(hostileBytes(sample), (bytes) => expectDecodesOrRejects(codec, () => codec.decode(bytes), 'binary')),
      { numRuns: RUNS },
    );
  });

  it(`JSON: fromJSON returns a re-encodable message or throws MessageDecodeError, within ${DEADLINE_MS} ms`, () => {
    const parsedJson = fc.oneof(hostileJson, fieldShaped(SAMPLE_MESSAGES[topic]), fieldShaped(sampleJson));
    fc.assert(
      fc.property(parsedJson, (json) => expectDecodesOrRejects(codec, () => codec.fromJSON(json), 'json')),
      { numRuns: RUNS },
    );
  });

  it('JSON text as producers send it: parse errors aside, the same holds', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      hostileJson.map((json) => JSON.stringify(json) ?? 'null'),
      fc.integer({ min: 1, max: 2_000 }).map((depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
    );
    fc.assert(
      fc.property(text, (body) => {
        let json: unknown;
        try {
          json = JSON.parse(body);
        } catch {
          return; // not JSON: the consumer rejects it before the codec sees it
        }
        expectDecodesOrRejects(codec, () => codec.fromJSON(json), 'json');
      }),
      { numRuns: RUNS },
    );
  });
});
