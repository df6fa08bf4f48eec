import { encodePageToken } from '../paging/page-token';
import { SearchRequestError, unwrapSearchResult } from '../result';
import { MODEL_VERSIONS_SCHEMA } from '../schema/model-versions';
import { RUNS_SCHEMA } from '../schema/runs';
import { parseSearchRequest } from './parse-search-request';

describe('parseSearchRequest', () => {
  it('parses filter, order_by and an offset page token together', () => {
    const request = {
      filter: 'metrics.rmse < 0.5',
      orderBy: ['metrics.rmse'],
      pageToken: encodePageToken({ offset: 100 }),
    };
    expect(parseSearchRequest(request, RUNS_SCHEMA)).toEqual({
      ok: true,
      value: {
        filter: [{ kind: 'comparison', entity: 'metric', key: 'rmse', comparator: '<', value: 0.5 }],
        orderBy: [
          { entity: 'metric', key: 'rmse', direction: 'ASC' },
          { entity: 'attribute', key: 'start_time', direction: 'DESC' },
          { entity: 'attribute', key: 'run_id', direction: 'ASC' },
        ],
        page: { offset: 100 },
      },
    });
  });

  it('treats missing fields and an empty page token as the first page of everything', () => {
    expect(parseSearchRequest({ pageToken: '' }, MODEL_VERSIONS_SCHEMA)).toEqual({
      ok: true,
      value: {
        filter: [],
        orderBy: [
          { entity: 'attribute', key: 'name', direction: 'ASC' },
          { entity: 'attribute', key: 'version_number', direction: 'DESC' },
        ],
      },
    });
  });

  it('reports the first bad field by name', () => {
    expect(
      parseSearchRequest({ filter: 'metrics.a ~ 1', orderBy: ['bad order'] }, RUNS_SCHEMA),
    ).toMatchObject({
      ok: false,
      error: { field: 'filter', position: 10 },
    });
    expect(parseSearchRequest({ orderBy: ['start_time', 'bad order'] }, RUNS_SCHEMA)).toMatchObject({
      ok: false,
      error: { field: 'order_by[1]' },
    });
    expect(parseSearchRequest({ pageToken: 'x!' }, RUNS_SCHEMA)).toMatchObject({
      ok: false,
      error: { field: 'page_token' },
    });
  });

  it('rejects a keyset token issued for a different ordering', () => {
    const pageToken = encodePageToken({ after: [0.5, 1700, 'r1'] });
    expect(parseSearchRequest({ orderBy: ['metrics.rmse'], pageToken }, RUNS_SCHEMA)).toMatchObject({
      ok: true,
    });
    expect(parseSearchRequest({ pageToken }, RUNS_SCHEMA)).toEqual({
      ok: false,
      error: {
        field: 'page_token',
        message: 'Invalid page token, it was issued for a different order_by',
        position: 0,
      },
    });
  });

  it('throws SearchRequestError with the MLflow error code when unwrapped', () => {
    const result = parseSearchRequest({ filter: "foo.bar = 'x'" }, RUNS_SCHEMA);
    expect(() => unwrapSearchResult(result)).toThrow(SearchRequestError);
    try {
      unwrapSearchResult(result);
    } catch (error) {
      expect(error).toMatchObject({
        errorCode: 'INVALID_PARAMETER_VALUE',
        detail: { field: 'filter', position: 0 },
      });
    }
  });
});
