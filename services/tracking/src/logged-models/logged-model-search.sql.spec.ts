import { completeOrderBy, parseFilter, parseOrderBy } from '@flywheel/search-filter';
import { trackingTables } from '../database/tracking-tables';
import { LOGGED_MODELS_SCHEMA } from './logged-model-search-schema';
import { loggedModelSearchSql } from './logged-model-search.sql';

describe('loggedModelSearchSql', () => {
  const parse = (filter: string, orderBy: string[]) => {
    const parsed = parseFilter(filter, LOGGED_MODELS_SCHEMA);
    const order = parseOrderBy(orderBy, LOGGED_MODELS_SCHEMA);
    if (!parsed.ok || !order.ok) throw new Error('test input must parse');
    return { filter: parsed.value, orderBy: completeOrderBy(order.value, LOGGED_MODELS_SCHEMA) };
  };

  it('keeps every key and value out of the SQL text and ends the ordering newest first, then by id', () => {
    const hostile = "x'; DROP TABLE logged_models; --";
    const { filter, orderBy } = parse(
      `params.\`${hostile}\` = 'v' and tags.team LIKE 'r%' and name = '${hostile.replaceAll("'", "''")}'`,
      ['name DESC'],
    );
    const { text, values } = loggedModelSearchSql(trackingTables('tracking'), {
      experimentIds: [1n],
      filter,
      orderBy,
      offset: 100,
      limit: 101,
    });
    expect(text).not.toContain('DROP');
    expect(values).toEqual([[1n], hostile, 'v', 'team', 'r%', hostile, 100, 101]);
    expect(text).toMatch(/ORDER BY lm\.name DESC.*lm\.creation_timestamp_ms DESC.*lm\.model_id ASC/s);
    expect(text).toContain("lm.lifecycle_stage = 'active'");
  });

  it('compares and sorts metrics on the latest value, the key as a parameter', () => {
    const { filter, orderBy } = parse('metrics.acc > 0.5', ['metrics.acc DESC']);
    const { text, values } = loggedModelSearchSql(trackingTables('tracking'), {
      experimentIds: [1n],
      filter,
      orderBy,
      offset: 0,
      limit: 10,
    });
    expect(values).toEqual([[1n], 'acc', 0.5, 'acc', 0, 10]);
    expect(text).toContain('ORDER BY mm.timestamp DESC, mm.step DESC LIMIT 1');
    expect(parseFilter("metrics.acc > '0.5'", LOGGED_MODELS_SCHEMA).ok).toBe(false);
  });

  it('accepts MLflow spellings of the timestamps', () => {
    const parsed = parseFilter('creation_time > 5 and last_updated_timestamp_ms < 9', LOGGED_MODELS_SCHEMA);
    expect(parsed.ok && parsed.value.map((c) => c.key)).toEqual([
      'creation_timestamp',
      'last_updated_timestamp',
    ]);
  });
});
