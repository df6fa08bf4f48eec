import fc from 'fast-check';

import { parseBearer } from './bearer';

describe('parseBearer', () => {
  it.each(['Bearer abc.DEF-_~+/=', 'bearer abc', 'BEARER abc'])(
    'accepts %j with any scheme case',
    (header) => {
      expect(parseBearer(header)).toEqual({ ok: true, token: header.slice(7) });
    },
  );

  it.each([undefined, ''])('reports %j as missing', (header) => {
    expect(parseBearer(header)).toMatchObject({ ok: false, reason: 'missing' });
  });

  it.each([
    'Bearer',
    'Bearer ',
    'Bearer  abc',
    'Bearer\tabc',
    ' Bearer abc',
    'Bearer abc ',
    'Bearer abc\n',
    'Bearer abc def',
    'Basic abc',
    'Bearerabc',
    'Bearer a=b',
    'Bearer a\u00a0b',
  ])('rejects %j as malformed', (header) => {
    expect(parseBearer(header)).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('accepts a single-element header array and rejects repeated headers', () => {
    expect(parseBearer(['Bearer abc'])).toEqual({ ok: true, token: 'abc' });
    expect(parseBearer(['Bearer abc', 'Bearer def'])).toMatchObject({ reason: 'malformed' });
  });

  it('never throws and never returns a token containing whitespace', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.string().map((s) => `Bearer ${s}`),
        ),
        (header) => {
          const result = parseBearer(header);
          if (result.ok) expect(result.token).not.toMatch(/\s/);
        },
      ),
    );
  });
});
