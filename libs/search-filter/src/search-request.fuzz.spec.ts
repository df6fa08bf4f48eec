import fc from 'fast-check';
import { encodePageToken } from './paging/page-token';
import { MAX_SEARCH_TEXT_LENGTH } from './parse/limits';
import { parseFilter } from './parse/parse-filter';
import { parseSearchRequest, type SearchRequestText } from './parse/parse-search-request';
import { printFilter } from './print/print-search';
import type { SearchResult } from './result';
import { SEARCH_SCHEMAS } from './schema/search-schemas';
import type { SearchSchema } from './schema/search-schema';

// The MLflow search grammar is reachable by anyone who can call a search endpoint. Whatever the
// text, parseSearchRequest must return a value or a SearchSyntaxError (never throw), quickly.

const DEADLINE_MS = 200;
const RUNS = 3_000;

// Grammar words, hostile values and injection-shaped text, glued into token soups.
const word = fc.constantFrom(
  'metrics.rmse', 'metric.`log-loss`', 'params.model', 'parameters."a b"', 'tags.mlflow.user', 'tags.`x``y`',
  'attributes.status', 'attribute.start_time', 'attr.run_id', 'run.run_name', 'datasets.name', 'dataset.digest',
  'run_id', 'created', '`Run Name`', 'name', 'version', 'version_number', 'creation_time', 'tags.__proto__',
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'metrics.constructor',
  '=', '!=', '<', '<=', '>', '>=', '~', '==', 'LIKE', 'ilike', 'IN', 'NOT IN', 'not', 'AND', 'and', 'OR', 'is', 'NULL',
  "'value'", "'it''s'", '"dq"', "''", "'", '"', '`', '\\', "\\'", '(', ')', ',', "('a', 'b')", '()', '.', '..',
  '0', '-1', '0.5', '.5', '5.', '1e309', '-1e-400', '1e', '--1', '9'.repeat(400), 'NaN', 'Infinity', '0x1F',
  "'; DROP TABLE runs; --", "' OR '1'='1", '$1', '{key}', '{predicate}', '/* x */', ';', '%', '_',
  'ASC', 'DESC', 'asc', ' ', '\t', '\n', '\u0000', '\u00a0', '\u2028', '\ufeff', 'é', '日本', '🧪', '\ud800',
);
const soup = fc.array(word, { maxLength: 24 }).chain((words) =>
  fc.constantFrom(' ', '', '  ').map((separator) => words.join(separator)),
);
const nested = fc.integer({ min: 1, max: 2_000 }).map((depth) => `${'('.repeat(depth)}metrics.a > 1${')'.repeat(depth)}`);
const longList = fc.integer({ min: 1, max: 3_000 }).map((n) => `run_id IN (${Array.from({ length: n }, (_, i) => `'r${i}'`).join(',')})`);
// Mostly well-formed comparisons with hostile keys and values, so the accepting paths are exercised.
const hostile = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom("'", '"', '`', "''", '\\', '%_', '__proto__', "'; DROP TABLE runs; --", '$1', '{key}', '\u0000'),
);
const quoted = (quote: string) => hostile.map((raw) => `${quote}${raw.replaceAll(quote, quote + quote)}${quote}`);
const identifier = fc.tuple(
  fc.constantFrom('metrics', 'params', 'tags', 'attributes', 'datasets', 'attr', 'metric', 'tag', 'param', ''),
  fc.oneof(fc.constantFrom('rmse', 'status', 'run_id', 'name', 'start_time', 'model', 'version', 'digest'), quoted('`'), quoted('"')),
).map(([prefix, key]) => (prefix === '' ? key : `${prefix}.${key}`));
const value = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.integer().map(String),
  quoted("'"),
  quoted('"'),
  fc.array(quoted("'"), { minLength: 1, maxLength: 4 }).map((items) => `(${items.join(', ')})`),
);
const comparison = fc
  .tuple(identifier, fc.constantFrom('=', '!=', '<', '<=', '>', '>=', 'LIKE', 'ilike', 'IN', 'NOT IN'), value)
  .map((parts) => parts.join(' '));
const wellFormed = fc.array(comparison, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' AND '));

const text = fc.oneof(
  { weight: 4, arbitrary: wellFormed },
  { weight: 4, arbitrary: soup },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
  { weight: 1, arbitrary: nested },
  { weight: 1, arbitrary: longList },
);

const keysetValue = fc.oneof(fc.string({ maxLength: 20 }), fc.double(), fc.constant(null), fc.constant('__proto__'));
const pageToken = fc.oneof(
  fc.constant(undefined),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.base64String({ maxLength: 120 }).map((s) => s.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')),
  fc.nat().map((offset) => encodePageToken({ offset })),
  fc.array(keysetValue.filter((v) => typeof v !== 'number' || Number.isFinite(v)), { minLength: 1, maxLength: 6 }).map((after) =>
    encodePageToken({ after }),
  ),
  fc.jsonValue().map((json) => Buffer.from(JSON.stringify(json) ?? 'null').toString('base64url')),
);
const schema = fc.constantFrom<SearchSchema>(...Object.values(SEARCH_SCHEMAS));
const request: fc.Arbitrary<SearchRequestText> = fc.record(
  { filter: text, orderBy: fc.array(text, { maxLength: 4 }), pageToken },
  { requiredKeys: [] },
).map((r) => ({
  ...(r.filter !== undefined && { filter: r.filter }),
  ...(r.orderBy !== undefined && { orderBy: r.orderBy }),
  ...(r.pageToken !== undefined && { pageToken: r.pageToken }),
}));

/** Runs `parse`, failing if it throws or takes longer than `deadlineMs`. */
function timed<T>(parse: () => T, deadlineMs = DEADLINE_MS): T {
  const started = performance.now();
  const result = parse();
  const elapsed = performance.now() - started;
  if (elapsed > deadlineMs) throw new Error(`parsing took ${elapsed.toFixed(1)} ms, over the ${deadlineMs} ms deadline`);
  return result;
}

function fieldText(input: SearchRequestText, field: string): string | undefined {
  if (field === 'filter') return input.filter ?? '';
  if (field === 'page_token') return input.pageToken ?? '';
  const index = /^order_by\[(\d+)\]$/.exec(field)?.[1];
  return index === undefined ? undefined : input.orderBy?.[Number(index)];
}

function expectWellFormed(input: SearchRequestText, result: SearchResult<unknown>): void {
  if (result.ok) return;
  const { field, message, position } = result.error;
  const textOfField = fieldText(input, field);
  expect(textOfField).toBeDefined();
  expect(typeof message === 'string' && message.length > 0).toBe(true);
  expect(Number.isInteger(position) && position >= 0 && position <= textOfField!.length).toBe(true);
}

describe('parseSearchRequest under random and adversarial input', () => {
  it(`returns a request or a syntax error naming a field and position, within ${DEADLINE_MS} ms`, () => {
    fc.assert(
      fc.property(request, schema, (input, searchSchema) => {
        expectWellFormed(input, timed(() => parseSearchRequest(input, searchSchema)));
      }),
      { numRuns: RUNS },
    );
  });

  it('parses the canonical text of every filter it accepts back to the same filter', () => {
    let accepted = 0;
    fc.assert(
      fc.property(text, schema, (filterText, searchSchema) => {
        const parsed = timed(() => parseFilter(filterText, searchSchema));
        if (!parsed.ok) return;
        accepted += 1;
        const reparsed = timed(() => parseFilter(printFilter(parsed.value), searchSchema));
        expect(reparsed).toEqual(parsed);
      }),
      { numRuns: RUNS },
    );
    // The generator is meant to reach the accepting paths too, not only the errors.
    expect(accepted).toBeGreaterThan(RUNS / 20);
  });

  it('rejects input at the length limit without parsing it for long', () => {
    for (const filter of ['a'.repeat(MAX_SEARCH_TEXT_LENGTH + 1), `metrics.x = ${'9'.repeat(MAX_SEARCH_TEXT_LENGTH)}`]) {
      const result = timed(() => parseSearchRequest({ filter }, SEARCH_SCHEMAS.runs), 1_000);
      expect(result.ok).toBe(false);
    }
    const longest = `params.p = '${'x'.repeat(MAX_SEARCH_TEXT_LENGTH - 14)}'`;
    expect(timed(() => parseSearchRequest({ filter: longest }, SEARCH_SCHEMAS.runs), 1_000).ok).toBe(true);
  });
});
