import fc from 'fast-check';
import { decodePageToken, encodePageToken, type PagePosition } from './page-token';

const encodeJson = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('page tokens', () => {
  it('round-trips an offset and a keyset position', () => {
    for (const position of [
      { offset: 0 },
      { offset: 1000 },
      { after: [0.5, 'run-1', null, -3] },
    ] satisfies PagePosition[]) {
      expect(decodePageToken(encodePageToken(position))).toEqual({ ok: true, value: position });
    }
  });

  it('produces URL-safe tokens without padding', () => {
    expect(encodePageToken({ after: ['?/+', 'ü'.repeat(7)] })).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('refuses to encode a position it could not decode', () => {
    expect(() => encodePageToken({ offset: -1 })).toThrow('"offset" must be a non-negative integer');
    expect(() => encodePageToken({ after: [Number.NaN] })).toThrow(
      '"after" values must be strings, finite numbers or null',
    );
    expect(() => encodePageToken({ after: [] })).toThrow('"after" must be a list of 1 to 64 values');
  });

  it.each<[string, string, string, number?]>([
    ['not base64', 'abc$def', 'Invalid page token, could not base64-decode', 3],
    [
      'standard base64 padding',
      `${encodeJson({ v: 1, offset: 1 })}=`,
      'Invalid page token, could not base64-decode',
      encodeJson({ v: 1, offset: 1 }).length,
    ],
    ['non-canonical trailing bits', 'eyJ2IjoxfR', 'Invalid page token, could not base64-decode'],
    [
      'not JSON',
      Buffer.from('{offset: 1').toString('base64url'),
      'Invalid page token, decoded value is not JSON',
    ],
    [
      'invalid UTF-8',
      Buffer.from([0x7b, 0xff, 0x7d]).toString('base64url'),
      'Invalid page token, decoded value is not JSON',
    ],
    ['a JSON array', encodeJson([1]), 'Invalid page token, decoded value is not an object'],
    ['JSON null', encodeJson(null), 'Invalid page token, decoded value is not an object'],
    [
      'MLflow offset token without version',
      encodeJson({ offset: 10 }),
      'Invalid page token, unsupported version undefined',
    ],
    ['a future version', encodeJson({ v: 2, offset: 10 }), 'Invalid page token, unsupported version 2'],
    [
      'both kinds',
      encodeJson({ v: 1, offset: 1, after: [1] }),
      'Invalid page token, expected exactly one of "offset" or "after"',
    ],
    [
      'an unknown field',
      encodeJson({ v: 1, page: 2 }),
      'Invalid page token, expected exactly one of "offset" or "after"',
    ],
    [
      'a negative offset',
      encodeJson({ v: 1, offset: -5 }),
      'Invalid page token, "offset" must be a non-negative integer',
    ],
    [
      'a fractional offset',
      encodeJson({ v: 1, offset: 1.5 }),
      'Invalid page token, "offset" must be a non-negative integer',
    ],
    [
      'a string offset',
      encodeJson({ v: 1, offset: '10' }),
      'Invalid page token, "offset" must be a non-negative integer',
    ],
    [
      'an object keyset value',
      encodeJson({ v: 1, after: [{}] }),
      'Invalid page token, "after" values must be strings, finite numbers or null',
    ],
    ['an oversized token', 'A'.repeat(8193), 'Invalid page token, longer than 8192 characters'],
    ['an empty token', '', 'Invalid page token, could not base64-decode'],
  ])('rejects %s', (_name, token, message, position = 0) => {
    expect(decodePageToken(token)).toEqual({ ok: false, error: { field: 'page_token', message, position } });
  });

  it('decodes any encodable position back to itself', () => {
    const value = fc.oneof(
      fc.constant(null),
      fc.string({ unit: 'binary' }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    );
    const position = fc.oneof(
      fc.record({ offset: fc.nat() }),
      fc.record({ after: fc.array(value, { minLength: 1, maxLength: 64 }) }),
    );
    fc.assert(
      fc.property(position, (original) => {
        // JSON has no negative zero; it comes back as 0.
        const expected = JSON.parse(JSON.stringify(original)) as PagePosition;
        expect(decodePageToken(encodePageToken(original))).toEqual({ ok: true, value: expected });
      }),
      { numRuns: 500 },
    );
  });

  it('returns a result for any tampered or random token and never throws', () => {
    const tampered = fc
      .tuple(fc.nat({ max: 1000 }), fc.nat(), fc.constantFrom('A', '_', '-', 'z', '0', '=', '+', '', '%'))
      .map(([offset, at, char]) => {
        const token = encodePageToken({ offset });
        const index = at % token.length;
        return token.slice(0, index) + char + token.slice(index + 1);
      });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.base64String(), tampered), (token) => {
        const result = decodePageToken(token);
        if (result.ok) expect(encodePageToken(result.value)).toBe(token);
      }),
      { numRuns: 2000 },
    );
  });
});
