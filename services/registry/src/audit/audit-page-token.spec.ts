import fc from 'fast-check';
import { decodeAuditPageToken, encodeAuditPageToken } from './audit-page-token';
import { AuditQueryError } from './audit-query-error';

describe('audit page tokens', () => {
  it('round-trips every entry id', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 9_223_372_036_854_775_807n }), (id) => {
        expect(decodeAuditPageToken(encodeAuditPageToken(id.toString()))).toBe(id.toString());
      }),
    );
  });

  it.each([
    ['not base64url', 'a+b/c='],
    ['not JSON', Buffer.from('hello').toString('base64url')],
    ['another version', Buffer.from('{"v":2,"before":"5"}').toString('base64url')],
    ['a non-numeric id', Buffer.from('{"v":1,"before":"5; DROP TABLE audit_log"}').toString('base64url')],
    ['a zero id', Buffer.from('{"v":1,"before":"0"}').toString('base64url')],
    ['a JSON array', Buffer.from('[1]').toString('base64url')],
    ['an oversized token', 'A'.repeat(201)],
  ])('refuses %s as INVALID page_token', (_what, token) => {
    expect(() => decodeAuditPageToken(token)).toThrow(AuditQueryError);
    expect(() => decodeAuditPageToken(token)).toThrow('page_token: is not a token returned by ListAuditEntries');
  });

  it('never throws anything but AuditQueryError for arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (token) => {
        try {
          decodeAuditPageToken(token);
        } catch (error) {
          expect(error).toBeInstanceOf(AuditQueryError);
        }
      }),
    );
  });
});
