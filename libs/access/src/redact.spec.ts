import fc from 'fast-check';

import { REDACTED, redact } from './redact';

describe('redact', () => {
  it('replaces values of secret-named properties at any depth', () => {
    const input = {
      name: 'ci',
      clientSecret: 's',
      nested: [
        { password: 'p', api_key: 'k', accessKeyId: 'a', refresh_token: 't', Authorization: 'Bearer x' },
      ],
    };
    expect(redact(input)).toEqual({
      name: 'ci',
      clientSecret: REDACTED,
      nested: [
        {
          password: REDACTED,
          api_key: REDACTED,
          accessKeyId: REDACTED,
          refresh_token: REDACTED,
          Authorization: REDACTED,
        },
      ],
    });
  });

  it('keeps MLflow-style key/value pairs readable', () => {
    expect(redact({ tags: [{ key: 'team', value: 'fraud' }] })).toEqual({
      tags: [{ key: 'team', value: 'fraud' }],
    });
  });

  it('removes API key tokens embedded in any string', () => {
    const token = `fwk_abcdefghijkl_${'A'.repeat(43)}`;
    expect(redact({ note: `rotated ${token} today` })).toEqual({ note: `rotated ${REDACTED} today` });
  });

  it('honours a caller-supplied pattern, including a global one', () => {
    expect(redact({ ssn: '1', other: '2', ssn2: '3' }, /ssn/g)).toEqual({
      ssn: REDACTED,
      other: '2',
      ssn2: REDACTED,
    });
  });

  it('does not modify its input and survives cycles', () => {
    const input: Record<string, unknown> = { secret: 'x', at: new Date(0) };
    input['self'] = input;
    expect(redact(input)).toEqual({ secret: REDACTED, at: new Date(0), self: '[Circular]' });
    expect(input['secret']).toBe('x');
  });

  it('keeps shared (non-cyclic) references', () => {
    const shared = { a: 1 };
    expect(redact({ x: shared, y: shared })).toEqual({ x: { a: 1 }, y: { a: 1 } });
  });

  it('never throws on JSON-like input', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => void redact(value)));
  });
});
