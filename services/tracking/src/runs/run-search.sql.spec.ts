import { RUNS_SCHEMA, completeOrderBy, parseFilter, parseOrderBy } from '@flywheel/search-filter';
import { trackingTables } from '../database/tracking-tables';
import { runSearchSql } from './run-search.sql';

describe('runSearchSql', () => {
  const parse = (filter: string, orderBy: string[]) => {
    const parsed = parseFilter(filter, RUNS_SCHEMA);
    const order = parseOrderBy(orderBy, RUNS_SCHEMA);
    if (!parsed.ok || !order.ok) throw new Error('test input must parse');
    return { filter: parsed.value, orderBy: completeOrderBy(order.value, RUNS_SCHEMA) };
  };

  it('keeps every key and value out of the SQL text, in numbered parameters', () => {
    const hostile = "x'; DROP TABLE runs; --";
    const { filter, orderBy } = parse(
      `metrics.\`${hostile}\` < 0.5 and params.model = '${hostile.replaceAll("'", "''")}' and tags.team LIKE 'r%' and attributes.status = 'FINISHED'`,
      [`params.\`${hostile}\` DESC`],
    );
    const { text, values } = runSearchSql(trackingTables('tracking'), {
      experimentIds: [1n],
      filter,
      orderBy,
      stages: ['active'],
      offset: 20,
      limit: 11,
    });
    expect(text).not.toContain('DROP');
    expect(text).not.toContain('FINISHED');
    expect(values).toEqual([
      [1n],
      ['active'],
      hostile,
      0.5,
      'model',
      hostile,
      'team',
      'r%',
      'FINISHED',
      hostile,
      20,
      11,
    ]);
    const placeholders = [...text.matchAll(/\$(\d+)/g)].map((match) => Number(match[1]));
    expect(Math.max(...placeholders)).toBe(values.length);
  });
});
