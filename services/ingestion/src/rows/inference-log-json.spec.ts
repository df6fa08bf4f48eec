import fc from 'fast-check';
import { inferenceLogRowJson } from './inference-log-json';
import type { InferenceLogRow } from './inference-log-row';

// JSON.stringify is the oracle: the hand-written line must be the same text for any row.
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', '"', '\\', '\n', '\u2028', '\ud800', '</script>', 'ü😀'),
);
const number = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(0, -0, 1e21, 1e-7, 123456789012345, Number.MAX_SAFE_INTEGER, Number.NaN, Infinity),
);
const key = text.filter((k) => k !== '__proto__');

const row: fc.Arbitrary<InferenceLogRow> = fc.tuple(
  text,
  text,
  fc.nat(),
  fc.constantFrom('champion', 'canary', 'shadow', 'unspecified'),
  fc.oneof(fc.nat(), fc.maxSafeNat()),
  fc.dictionary(key, number, { maxKeys: 25 }),
  fc.dictionary(key, text, { maxKeys: 6 }),
  number,
  text,
  fc.dictionary(key, number, { maxKeys: 3 }),
  number,
  fc.constantFrom('ok', 'error'),
  text,
);

describe('inferenceLogRowJson', () => {
  it('writes what JSON.stringify writes, for any row', () => {
    fc.assert(
      fc.property(row, (r) => {
        expect(inferenceLogRowJson(r)).toBe(JSON.stringify(r));
      }),
      { numRuns: 3000 },
    );
  });

  it('writes a realistic row as JSON.stringify does', () => {
    const realistic: InferenceLogRow = [
      'r-1',
      'churn',
      3,
      'canary',
      1_795_000_000_123,
      Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`num_feature_${i}`, i / 3])),
      { plan: 'pro', 'country "code"': 'DE' },
      0.73,
      'churn',
      {},
      1.7,
      'ok',
      '',
    ];
    expect(inferenceLogRowJson(realistic)).toBe(JSON.stringify(realistic));
    expect(JSON.parse(inferenceLogRowJson(realistic))).toEqual(realistic);
  });

  it('keeps writing keys right after more distinct names than its cache holds', () => {
    for (let i = 0; i < 10_050; i++) {
      const r: InferenceLogRow = ['r', 'm', 1, 'champion', 1, { [`f${i}`]: i }, {}, 0, '', {}, 0, 'ok', ''];
      if (i % 1000 === 0 || i > 9_990) expect(inferenceLogRowJson(r)).toBe(JSON.stringify(r));
      else inferenceLogRowJson(r);
    }
  });
});
