import { RUNS_SORT_SQL } from '../../test/runs-sql-mapping';
import type { OrderBy } from '../ast';
import { completeOrderBy, parseOrderBy } from '../parse/parse-order-by';
import { unwrapSearchResult } from '../result';
import { RUNS_SCHEMA } from '../schema/runs';
import { compileOrderBySql } from './compile-order-by';

const orderingOf = (...clauses: string[]): OrderBy[] =>
  completeOrderBy(unwrapSearchResult(parseOrderBy(clauses, RUNS_SCHEMA)), RUNS_SCHEMA);

describe('compileOrderBySql', () => {
  it('compiles the default runs ordering with nulls last', () => {
    expect(compileOrderBySql(orderingOf(), RUNS_SORT_SQL)).toEqual({
      sql: 'r.start_time DESC NULLS LAST, r.run_uuid ASC NULLS LAST',
      params: [],
    });
  });

  it('sorts on a metric through its expression with the key as a parameter', () => {
    expect(
      compileOrderBySql(orderingOf('metrics.rmse DESC'), RUNS_SORT_SQL, { firstPlaceholder: 3 }),
    ).toEqual({
      sql:
        '(SELECT m.value FROM latest_metrics m WHERE m.run_uuid = r.run_uuid AND m.key = $3) DESC NULLS LAST, ' +
        'r.start_time DESC NULLS LAST, r.run_uuid ASC NULLS LAST',
      params: ['rmse'],
    });
  });

  it('rejects an empty ordering and unmapped keys', () => {
    expect(() => compileOrderBySql([], RUNS_SORT_SQL)).toThrow('An ordering needs at least one term');
    expect(() => compileOrderBySql(orderingOf('params.a'), { attribute: RUNS_SORT_SQL.attribute })).toThrow(
      "No SQL mapping for order by param 'a'",
    );
    expect(() => compileOrderBySql(orderingOf('metrics.a'), { metric: '(SELECT 1)' })).toThrow(
      'expected {key} 1 time(s), found 0',
    );
  });
});
