import { auditQueryOf, type AuditQueryInput } from './audit-query';
import { encodeAuditPageToken } from './audit-page-token';

const EMPTY: AuditQueryInput = {
  targetType: '',
  targetId: '',
  principalKind: '',
  principalId: '',
  fromTimeMs: 0,
  toTimeMs: 0,
  pageSize: 0,
  pageToken: '',
};

describe('auditQueryOf', () => {
  it('reads proto3 defaults as "no filter"', () => {
    expect(auditQueryOf(EMPTY)).toEqual({});
  });

  it('maps every filter, the page size and the page token', () => {
    expect(
      auditQueryOf({
        targetType: 'registered_model',
        targetId: 'fraud',
        principalKind: 'oidc',
        principalId: 'u-42',
        fromTimeMs: 1_700_000_000_000,
        toTimeMs: 1_700_000_060_000,
        pageSize: 25,
        pageToken: encodeAuditPageToken('1234'),
      }),
    ).toEqual({
      target: { type: 'registered_model', id: 'fraud' },
      principal: { kind: 'oidc', id: 'u-42' },
      from: new Date(1_700_000_000_000),
      to: new Date(1_700_000_060_000),
      limit: 25,
      beforeId: '1234',
    });
  });

  it('filters by kind of target or principal alone', () => {
    expect(auditQueryOf({ ...EMPTY, targetType: 'api_key', principalKind: 'service' })).toEqual({
      target: { type: 'api_key' },
      principal: { kind: 'service' },
    });
  });

  it.each<[Partial<AuditQueryInput>, string]>([
    [{ targetId: 'fraud' }, 'target_id: requires target_type'],
    [{ principalId: 'u-42' }, 'principal_id: requires principal_kind'],
    [{ principalKind: 'robot' }, 'principal_kind: must be one of api_key, oidc, service, anonymous'],
    [{ targetType: 'x'.repeat(201) }, 'target_type: must be at most 200 characters'],
    [{ fromTimeMs: -1 }, 'from_time_ms: must be epoch milliseconds (a non-negative integer)'],
    [{ toTimeMs: 9e15 }, 'to_time_ms: must be epoch milliseconds (a non-negative integer)'],
    [{ fromTimeMs: 2000, toTimeMs: 1000 }, 'to_time_ms: must be later than from_time_ms'],
    [{ fromTimeMs: 1000, toTimeMs: 1000 }, 'to_time_ms: must be later than from_time_ms'],
    [{ pageSize: 501 }, 'page_size: must be between 1 and 500 (0: the default)'],
    [{ pageSize: -5 }, 'page_size: must be between 1 and 500 (0: the default)'],
    [{ pageToken: 'garbage!' }, 'page_token: is not a token returned by ListAuditEntries'],
  ])('refuses %j naming the field', (input, message) => {
    expect(() => auditQueryOf({ ...EMPTY, ...input })).toThrow(message);
  });
});
