import { renderGrafanaSql } from './grafana-macros';

const context = {
  fromMs: 1_000,
  toMs: 2_000,
  intervalSeconds: 60,
  variables: { database: 'db1', model: 'churn' },
};

describe('renderGrafanaSql', () => {
  it('expands time filters, intervals and variables as the ClickHouse data source does', () => {
    const sql =
      "SELECT $__timeInterval(ts) AS t FROM ${database}.x WHERE m = '${model}' AND $__timeFilter(ts)";
    expect(renderGrafanaSql(sql, context)).toBe(
      "SELECT toStartOfInterval(toDateTime(ts), INTERVAL 60 second) AS t FROM db1.x WHERE m = 'churn' AND " +
        '(ts >= fromUnixTimestamp64Milli(toInt64(1000)) AND ts <= fromUnixTimestamp64Milli(toInt64(2000)))',
    );
  });

  it('refuses unknown variables and macros so a dashboard cannot use one the test does not render', () => {
    expect(() => renderGrafanaSql('SELECT ${nope}', context)).toThrow(/\$\{nope\}/);
    expect(() => renderGrafanaSql('SELECT $__timeFrom()', context)).toThrow(/\$__timeFrom/);
  });
});
