import { RUNS_SORT_SQL } from '../../test/runs-sql-mapping';
import type { OrderBy } from '../ast';
import { compileKeysetSql } from './compile-keyset';

const metricDesc: OrderBy = { entity: 'metric', key: 'rmse', direction: 'DESC' };
const startDesc: OrderBy = { entity: 'attribute', key: 'start_time', direction: 'DESC' };
const runIdAsc: OrderBy = { entity: 'attribute', key: 'run_id', direction: 'ASC' };

describe('compileKeysetSql', () => {
  it('selects rows after the last one, term by term, with nulls sorting last', () => {
    expect(compileKeysetSql([startDesc, runIdAsc], [1700, 'r9'], RUNS_SORT_SQL)).toEqual({
      sql:
        '((r.start_time < $1 OR r.start_time IS NULL)' +
        ' OR (r.start_time = $1 AND (r.run_uuid > $2 OR r.run_uuid IS NULL)))',
      params: [1700, 'r9'],
    });
  });

  it('compares a null position with IS NULL and never looks beyond it on that term', () => {
    const metric = '(SELECT m.value FROM latest_metrics m WHERE m.run_uuid = r.run_uuid AND m.key = $1)';
    expect(compileKeysetSql([metricDesc, runIdAsc], [null, 'r9'], RUNS_SORT_SQL)).toEqual({
      sql: `((${metric} IS NULL AND (r.run_uuid > $2 OR r.run_uuid IS NULL)))`,
      params: ['rmse', 'r9'],
    });
  });

  it('uses only the placeholders its text refers to', () => {
    expect(
      compileKeysetSql([runIdAsc, metricDesc], ['r9', null], RUNS_SORT_SQL, { firstPlaceholder: 5 }),
    ).toEqual({
      sql: '((r.run_uuid > $5 OR r.run_uuid IS NULL))',
      params: ['r9'],
    });
    expect(compileKeysetSql([metricDesc], [null], RUNS_SORT_SQL)).toEqual({ sql: 'FALSE', params: [] });
  });

  it('rejects a keyset that does not match the ordering', () => {
    expect(() => compileKeysetSql([startDesc, runIdAsc], [1], RUNS_SORT_SQL)).toThrow(
      'Keyset has 1 values for 2 ordering terms',
    );
  });
});
