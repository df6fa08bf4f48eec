import fc from 'fast-check';
import type { Comparison } from '../ast';
import { NUMERIC_COMPARATORS, STRING_COMPARATORS } from '../ast';
import { printFilter, printOrderBy } from '../print/print-search';
import { SEARCH_SCHEMAS } from '../schema/search-schemas';
import { MODEL_VERSIONS_SCHEMA } from '../schema/model-versions';
import { RUNS_SCHEMA } from '../schema/runs';
import { parseFilter } from './parse-filter';
import { parseOrderBy } from './parse-order-by';

const schemas = Object.values(SEARCH_SCHEMAS);
/** Pieces of the grammar, so random inputs get deep into the parser rather than failing at once. */
const FRAGMENTS = [
  'metrics',
  'params',
  'tags',
  'attributes',
  'datasets',
  'attribute',
  'tag',
  '.',
  '`',
  '"',
  "'",
  "''",
  'rmse',
  ' ',
  'AND',
  'and',
  'OR',
  'NOT',
  'IN',
  'LIKE',
  'ilike',
  '(',
  ')',
  ',',
  '=',
  '!=',
  '<',
  '>=',
  '<>',
  '~',
  '-',
  '1',
  '0.5',
  '-2e3',
  'e',
  'run_id',
  'status',
  'start_time',
  'created',
  'name',
  'version',
  'DESC',
  ';',
  '--',
  '\\',
  'é',
  '\u0000',
  '\n',
  '😀',
  '\ud800',
  'constructor',
  '__proto__',
];
const grammarSoup = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join(''));
/** Per-call time budget: parsing is linear, so even a slow CI machine stays far below it. */
const DEADLINE_MS = 250;

function withinDeadline<T>(run: () => T): T {
  const started = performance.now();
  const result = run();
  expect(performance.now() - started).toBeLessThan(DEADLINE_MS);
  return result;
}

const key = fc.string({ unit: 'binary', minLength: 1, maxLength: 30 });
const text = fc.string({ unit: 'binary', maxLength: 30 });
const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const timestamp = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
const stringList = fc.array(text, { minLength: 1, maxLength: 4 });
const stringTerm = (entity: Comparison['entity'], keys: fc.Arbitrary<string>) =>
  fc.record({
    kind: fc.constant('comparison' as const),
    entity: fc.constant(entity),
    key: keys,
    comparator: fc.constantFrom(...STRING_COMPARATORS),
    value: text,
  });
const listTerm = (entity: Comparison['entity'], keys: fc.Arbitrary<string>) =>
  fc.record({
    kind: fc.constant('comparison' as const),
    entity: fc.constant(entity),
    key: keys,
    comparator: fc.constantFrom('IN' as const, 'NOT IN' as const),
    value: stringList,
  });
const numberTerm = (entity: Comparison['entity'], keys: fc.Arbitrary<string>, values: fc.Arbitrary<number>) =>
  fc.record({
    kind: fc.constant('comparison' as const),
    entity: fc.constant(entity),
    key: keys,
    comparator: fc.constantFrom(...NUMERIC_COMPARATORS),
    value: values,
  });

const runsComparison: fc.Arbitrary<Comparison> = fc.oneof(
  numberTerm('metric', key, finite),
  stringTerm('param', key),
  stringTerm('tag', key),
  stringTerm('attribute', fc.constantFrom('run_id', 'run_name', 'status', 'user_id', 'artifact_uri')),
  listTerm('attribute', fc.constant('run_id')),
  numberTerm('attribute', fc.constantFrom('start_time', 'end_time'), timestamp),
  stringTerm('dataset', fc.constantFrom('name', 'digest', 'context')),
  listTerm('dataset', fc.constantFrom('name', 'digest', 'context')),
);
const modelVersionComparison: fc.Arbitrary<Comparison> = fc.oneof(
  stringTerm('tag', key),
  stringTerm('attribute', fc.constantFrom('name', 'run_id', 'source_path')),
  numberTerm('attribute', fc.constant('version_number'), fc.nat()),
);

type Edit = { at: number; remove: number; insert: string };
const edit = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 3 }),
  insert: fc.constantFrom('', ...FRAGMENTS),
});
/** A valid filter with a few random edits: reaches every parser state, not just the first token. */
const mutatedFilter = fc
  .tuple(
    fc.array(runsComparison, { minLength: 1, maxLength: 3 }),
    fc.array(edit, { minLength: 1, maxLength: 3 }),
  )
  .map(([filter, edits]) =>
    edits.reduce((text: string, { at, remove, insert }: Edit) => {
      const index = at % (text.length + 1);
      return text.slice(0, index) + insert + text.slice(index + remove);
    }, printFilter(filter)),
  );
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), grammarSoup, mutatedFilter);

describe('parsing arbitrary input', () => {
  it('returns a result for any filter text, never throws, and stays within the deadline', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom(...schemas), (text, schema) => {
        const result = withinDeadline(() => parseFilter(text, schema));
        if (!result.ok) {
          expect(result.error.field).toBe('filter');
          expect(result.error.message.length).toBeGreaterThan(0);
          expect(result.error.position).toBeGreaterThanOrEqual(0);
          expect(result.error.position).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('returns a result for any order_by clauses', () => {
    fc.assert(
      fc.property(fc.array(anyText, { maxLength: 4 }), fc.constantFrom(...schemas), (clauses, schema) => {
        const result = withinDeadline(() => parseOrderBy(clauses, schema));
        if (!result.ok) expect(result.error.field).toMatch(/^order_by\[\d+\]$/);
      }),
      { numRuns: 1500 },
    );
  });

  it('parses very large inputs in linear time', () => {
    const manyTerms = Array.from({ length: 5000 }, (_, i) => `metrics.m${i} > ${i}`).join(' AND ');
    const manyIds = `run_id IN (${Array.from({ length: 5000 }, (_, i) => `'id${i}'`).join(', ')})`;
    const quotes = `tags.a = '${"''".repeat(90_000)}'`;
    const parens = '('.repeat(150_000);
    for (const text of [manyTerms, manyIds, quotes, parens]) {
      const started = performance.now();
      parseFilter(text, RUNS_SCHEMA);
      expect(performance.now() - started).toBeLessThan(1000);
    }
    expect(parseFilter(manyTerms, RUNS_SCHEMA)).toMatchObject({ ok: true, value: { length: 5000 } });
  });
});

describe('print then parse', () => {
  it('gives back any valid runs filter', () => {
    fc.assert(
      fc.property(fc.array(runsComparison, { maxLength: 5 }), (filter) => {
        expect(parseFilter(printFilter(filter), RUNS_SCHEMA)).toEqual({ ok: true, value: filter });
      }),
      { numRuns: 2000 },
    );
  });

  it('gives back any valid model-version filter', () => {
    fc.assert(
      fc.property(fc.array(modelVersionComparison, { maxLength: 4 }), (filter) => {
        expect(parseFilter(printFilter(filter), MODEL_VERSIONS_SCHEMA)).toEqual({ ok: true, value: filter });
      }),
      { numRuns: 500 },
    );
  });

  it('gives back any runs ordering', () => {
    const term = fc.record({
      entity: fc.constantFrom('metric' as const, 'param' as const, 'tag' as const),
      key,
      direction: fc.constantFrom('ASC' as const, 'DESC' as const),
    });
    fc.assert(
      fc.property(fc.array(term, { maxLength: 4 }), (orderBy) => {
        expect(parseOrderBy(orderBy.map(printOrderBy), RUNS_SCHEMA)).toEqual({ ok: true, value: orderBy });
      }),
      { numRuns: 1000 },
    );
  });
});
