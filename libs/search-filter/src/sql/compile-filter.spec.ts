import { RUNS_FILTER_SQL } from '../../test/runs-sql-mapping';
import type { Filter } from '../ast';
import { parseFilter } from '../parse/parse-filter';
import { unwrapSearchResult } from '../result';
import { RUNS_SCHEMA } from '../schema/runs';
import { compileFilterSql } from './compile-filter';
import { SqlMappingError } from './sql-mapping';

const filterOf = (text: string): Filter => unwrapSearchResult(parseFilter(text, RUNS_SCHEMA));

describe('compileFilterSql', () => {
  it('compiles the tracking issue filter into parameterized SQL', () => {
    const filter = filterOf(
      "metrics.rmse < 0.5 and params.model = 'xgb' and tags.team = 'risk' and attributes.status = 'FINISHED'",
    );
    expect(compileFilterSql(filter, RUNS_FILTER_SQL)).toEqual({
      sql:
        '(EXISTS (SELECT 1 FROM latest_metrics m WHERE m.run_uuid = r.run_uuid AND m.key = $1 AND m.value < $2))' +
        ' AND (EXISTS (SELECT 1 FROM params p WHERE p.run_uuid = r.run_uuid AND p.key = $3 AND p.value = $4))' +
        ' AND (EXISTS (SELECT 1 FROM tags t WHERE t.run_uuid = r.run_uuid AND t.key = $5 AND t.value = $6))' +
        ' AND (r.status = $7)',
      params: ['rmse', 0.5, 'model', 'xgb', 'team', 'risk', 'FINISHED'],
    });
  });

  it.each([
    ["status != 'FAILED'", 'r.status <> $1', 'FAILED'],
    ["run_name LIKE 'night%'", 'r.name LIKE $1', 'night%'],
    ["user_id ILIKE 'ANA_'", 'r.user_id ILIKE $1', 'ANA_'],
    ['start_time >= 1664067852747', 'r.start_time >= $1', 1664067852747],
    ["run_id IN ('a', 'b')", 'r.run_uuid = ANY($1)', ['a', 'b']],
    ["run_id NOT IN ('a')", 'r.run_uuid <> ALL($1)', ['a']],
  ])('compiles %s on a column of the run', (text, sql, value) => {
    expect(compileFilterSql(filterOf(text), RUNS_FILTER_SQL)).toEqual({ sql: `(${sql})`, params: [value] });
  });

  it('compiles a dataset comparison through its template without a key parameter', () => {
    expect(compileFilterSql(filterOf("datasets.digest IN ('s8ds293b')"), RUNS_FILTER_SQL)).toEqual({
      sql: '(EXISTS (SELECT 1 FROM run_datasets d WHERE d.run_uuid = r.run_uuid AND d.digest = ANY($1)))',
      params: [['s8ds293b']],
    });
  });

  it('compiles the empty filter to TRUE', () => {
    expect(compileFilterSql([], RUNS_FILTER_SQL)).toEqual({ sql: 'TRUE', params: [] });
  });

  it('numbers placeholders from firstPlaceholder so fragments can be appended to a query', () => {
    expect(
      compileFilterSql(filterOf("tags.a = 'b'"), RUNS_FILTER_SQL, { firstPlaceholder: 4 }).sql,
    ).toContain('t.key = $4 AND t.value = $5');
    expect(() => compileFilterSql([], RUNS_FILTER_SQL, { firstPlaceholder: 0 })).toThrow(RangeError);
  });

  it('keeps the key and value of a hostile filter out of the SQL text', () => {
    const filter = filterOf("tags.`x'; DROP TABLE runs; --` = 'a'' OR 1=1 --'");
    const { sql, params } = compileFilterSql(filter, RUNS_FILTER_SQL);
    expect(sql).not.toMatch(/DROP|OR 1=1|;|--|'/);
    expect(params).toEqual(["x'; DROP TABLE runs; --", "a' OR 1=1 --"]);
  });

  it('rejects mappings that miss a field or are unsafe', () => {
    const tags = filterOf("tags.a = 'b'");
    expect(() => compileFilterSql(tags, {})).toThrow(new SqlMappingError("No SQL mapping for tag 'a'"));
    expect(() => compileFilterSql(filterOf("status = 'x'"), { attribute: {} })).toThrow(
      "No SQL mapping for attribute 'status'",
    );
    expect(() => compileFilterSql(tags, { tag: { column: 't.value' } })).toThrow(
      'tag targets need a template with {key}',
    );
    expect(() =>
      compileFilterSql(tags, { tag: { column: 't.value; DROP', template: '{key} {predicate}' } }),
    ).toThrow("'t.value; DROP' is not a plain SQL identifier");
    expect(() => compileFilterSql(tags, { tag: { column: 't.value', template: '{predicate}' } })).toThrow(
      'expected {key} 1 time(s), found 0',
    );
    expect(() =>
      compileFilterSql(tags, { tag: { column: 't.value', template: '{key} {predicate} -- x' } }),
    ).toThrow("templates may not contain ';', comments or $n placeholders");
    expect(() =>
      compileFilterSql(tags, { tag: { column: 't.value', template: 't.key = $1 AND {key} {predicate}' } }),
    ).toThrow(SqlMappingError);
  });

  it('rejects an AST whose comparator does not fit its value', () => {
    const wrong: Filter = [
      { kind: 'comparison', entity: 'attribute', key: 'run_id', comparator: 'IN', value: 'a' },
    ];
    expect(() => compileFilterSql(wrong, RUNS_FILTER_SQL)).toThrow(
      'Comparator IN does not fit a single value',
    );
  });
});
