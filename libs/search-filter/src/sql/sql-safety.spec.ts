import fc from 'fast-check';
import { RUNS_FILTER_SQL, RUNS_SORT_SQL } from '../../test/runs-sql-mapping';
import { type Comparison, type Filter, NUMERIC_COMPARATORS, type OrderBy, STRING_COMPARATORS } from '../ast';
import type { KeysetValue } from '../paging/page-token';
import { compileFilterSql } from './compile-filter';
import { compileKeysetSql } from './compile-keyset';
import { compileOrderBySql } from './compile-order-by';
import type { SqlFragment } from './placeholders';

/** Keys and values an attacker would try, plus arbitrary unicode. */
const hostile = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }),
  fc.string({
    unit: fc.constantFrom("'", '"', '`', ';', '-', '$', '1', '{', '}', ' ', 'é', '\u0000', 'x'),
    minLength: 1,
  }),
  fc.constantFrom("'; DROP TABLE runs; --", '$1', '{key}', '{predicate}', "' OR '1'='1", '/* */', '\\'),
);
const number = fc.double({ noNaN: true, noDefaultInfinity: true });
const comparison = (
  entity: Comparison['entity'],
  keys: fc.Arbitrary<string>,
  comparators: readonly Comparison['comparator'][],
  values: fc.Arbitrary<Comparison['value']>,
) =>
  fc.record({
    kind: fc.constant('comparison' as const),
    entity: fc.constant(entity),
    key: keys,
    comparator: fc.constantFrom(...comparators),
    value: values,
  });
const hostileFilter: fc.Arbitrary<Filter> = fc.array(
  fc.oneof(
    comparison('metric', hostile, NUMERIC_COMPARATORS, number),
    comparison('param', hostile, STRING_COMPARATORS, hostile),
    comparison('tag', hostile, STRING_COMPARATORS, hostile),
    comparison('attribute', fc.constantFrom('status', 'run_name', 'user_id'), STRING_COMPARATORS, hostile),
    comparison(
      'attribute',
      fc.constant('run_id'),
      ['IN', 'NOT IN'],
      fc.array(hostile, { minLength: 1, maxLength: 3 }),
    ),
    comparison('attribute', fc.constantFrom('start_time', 'end_time'), NUMERIC_COMPARATORS, fc.integer()),
    comparison('dataset', fc.constantFrom('name', 'digest', 'context'), ['=', 'LIKE', 'IN'], hostile).map(
      (c) => (c.comparator === 'IN' ? { ...c, value: [c.value as string] } : c),
    ),
  ),
  { maxLength: 6 },
);
const hostileOrderBy: fc.Arbitrary<OrderBy[]> = fc.array(
  fc
    .oneof(
      fc.record({
        entity: fc.constantFrom('metric' as const, 'param' as const, 'tag' as const),
        key: hostile,
      }),
      fc.record({
        entity: fc.constant('attribute' as const),
        key: fc.constantFrom('start_time', 'run_id', 'status'),
      }),
    )
    .chain((term) =>
      fc.constantFrom('ASC' as const, 'DESC' as const).map((direction) => ({ ...term, direction })),
    ),
  { minLength: 1, maxLength: 4 },
);
const keysetValue: fc.Arbitrary<KeysetValue> = fc.oneof(fc.constant(null), hostile, number);
const firstPlaceholder = fc.integer({ min: 1, max: 50 });

/** Only SQL words, identifiers, placeholders and operators: no quote, no `;`, no `--`, nothing non-ASCII. */
const SQL_ALPHABET = /^[A-Za-z0-9_ .,()$=<>]*$/;

function expectSafe(fragment: SqlFragment, first: number): void {
  expect(fragment.sql).toMatch(SQL_ALPHABET);
  expect(fragment.sql).not.toContain('--');
  const used = new Set([...fragment.sql.matchAll(/\$(\d+)/g)].map((match) => Number(match[1])));
  const expected = new Set(fragment.params.map((_, index) => first + index));
  expect(used).toEqual(expected);
}

/** The same filter with every user-supplied text replaced: the SQL must not change. */
function blank(filter: Filter): Filter {
  return filter.map((c) => ({
    ...c,
    key: c.entity === 'metric' || c.entity === 'param' || c.entity === 'tag' ? 'k' : c.key,
    value: typeof c.value === 'string' ? 'v' : typeof c.value === 'number' ? 0 : c.value.map(() => 'v'),
  }));
}

describe('SQL built from hostile filters', () => {
  it('never contains a key or value, only placeholders, each bound to exactly one parameter', () => {
    fc.assert(
      fc.property(hostileFilter, firstPlaceholder, (filter, first) => {
        const compiled = compileFilterSql(filter, RUNS_FILTER_SQL, { firstPlaceholder: first });
        expectSafe(compiled, first);
        expect(compiled.sql).toBe(
          compileFilterSql(blank(filter), RUNS_FILTER_SQL, { firstPlaceholder: first }).sql,
        );
        const expectedParams = filter.flatMap((c) => {
          const value = typeof c.value === 'object' ? [...c.value] : c.value;
          return c.entity === 'attribute' || c.entity === 'dataset' ? [value] : [c.key, value];
        });
        expect(compiled.params).toEqual(expectedParams);
      }),
      { numRuns: 1000 },
    );
  });

  it('orders and pages without putting sort keys or keyset values into the text', () => {
    fc.assert(
      fc.property(
        hostileOrderBy.chain((orderBy) =>
          fc.tuple(
            fc.constant(orderBy),
            fc.array(keysetValue, { minLength: orderBy.length, maxLength: orderBy.length }),
          ),
        ),
        firstPlaceholder,
        ([orderBy, after], first) => {
          const ordered = compileOrderBySql(orderBy, RUNS_SORT_SQL, { firstPlaceholder: first });
          expectSafe(ordered, first);
          const blankOrder = orderBy.map((term) =>
            term.entity === 'attribute' ? term : { ...term, key: 'k' },
          );
          expect(ordered.sql).toBe(
            compileOrderBySql(blankOrder, RUNS_SORT_SQL, { firstPlaceholder: first }).sql,
          );
          const keyset = compileKeysetSql(orderBy, after, RUNS_SORT_SQL, { firstPlaceholder: first });
          expectSafe(keyset, first);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
