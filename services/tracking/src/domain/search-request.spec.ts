import { RUNS_SCHEMA, decodePageToken, encodePageToken } from '@flywheel/search-filter';
import { pageOf, pageSize, parseSearch } from './search-request';
import { TrackingError } from './tracking-error';

describe('parseSearch', () => {
  it('parses the filter and completes the ordering with MLflow tie-breakers', () => {
    const parsed = parseSearch(
      { filter: "metrics.rmse < 0.5 and params.model = 'xgb'", orderBy: ['metrics.rmse DESC'] },
      RUNS_SCHEMA,
    );
    expect(parsed.filter).toHaveLength(2);
    expect(parsed.orderBy.map((term) => `${term.entity}.${term.key} ${term.direction}`)).toEqual([
      'metric.rmse DESC',
      'attribute.start_time DESC',
      'attribute.run_id ASC',
    ]);
    expect(parsed.offset).toBe(0);
  });

  it('reads the offset of a page token', () => {
    expect(parseSearch({ pageToken: encodePageToken({ offset: 40 }) }, RUNS_SCHEMA).offset).toBe(40);
  });

  it('refuses a malformed filter as an invalid argument naming the field and position', () => {
    const parse = () => parseSearch({ filter: 'metrics.rmse ~ 1' }, RUNS_SCHEMA);
    expect(parse).toThrow(TrackingError);
    expect(parse).toThrow(/Invalid comparator '~'.*\(filter, at character 13\)/);
  });

  it('refuses keyset tokens, which this server never issues', () => {
    const token = encodePageToken({ after: [1, 'a'] });
    expect(() => parseSearch({ pageToken: token }, RUNS_SCHEMA)).toThrow(/Invalid page token/);
  });
});

describe('pageSize', () => {
  const limits = { fallback: 1000, max: 50_000, serverMax: 10_000 };

  it('defaults, caps at the server maximum, and refuses what MLflow refuses', () => {
    expect(pageSize(undefined, limits)).toBe(1000);
    expect(pageSize(20_000, limits)).toBe(10_000);
    expect(() => pageSize(0, limits)).toThrow(
      "Invalid value 0 for parameter 'max_results' supplied. It must be a positive integer",
    );
    expect(() => pageSize(50_001, limits)).toThrow('It must be at most 50000');
  });
});

describe('pageOf', () => {
  it('returns a token for the next offset only when an extra row was fetched', () => {
    expect(pageOf([1, 2], 0, 2)).toEqual({ items: [1, 2] });
    const page = pageOf([1, 2, 3], 10, 2);
    expect(page.items).toEqual([1, 2]);
    expect(decodePageToken(page.nextPageToken!)).toEqual({ ok: true, value: { offset: 12 } });
  });
});
