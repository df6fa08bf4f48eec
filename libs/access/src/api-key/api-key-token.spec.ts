import fc from 'fast-check';

import { apiKeyIdOf, generateApiKey, parseApiKeyToken } from './api-key-token';

const fixedBytes = (fill: number) => (size: number) => new Uint8Array(size).fill(fill);

describe('API key tokens', () => {
  it('formats keys as fwk_<12 base32 chars>_<43 base64url chars>', () => {
    const key = generateApiKey();
    expect(key.token).toMatch(/^fwk_[a-z2-7]{12}_[A-Za-z0-9_-]{43}$/);
    expect(key.token).toBe(`fwk_${key.id}_${key.secret}`);
    expect(Buffer.from(key.secret, 'base64url')).toHaveLength(32);
  });

  it('uses the injected random source', () => {
    expect(generateApiKey(fixedBytes(0))).toEqual({
      id: 'aaaaaaaaaaaa',
      secret: 'A'.repeat(43),
      token: `fwk_aaaaaaaaaaaa_${'A'.repeat(43)}`,
    });
  });

  it('refuses a random source that returns too few bytes', () => {
    expect(() => generateApiKey(() => new Uint8Array(4))).toThrow(RangeError);
  });

  it('parses every generated token back into its id and secret', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 64, maxLength: 64 }), (pool) => {
        let offset = 0;
        const key = generateApiKey((size) => pool.slice(offset, (offset += size)));
        expect(parseApiKeyToken(key.token)).toEqual({ id: key.id, secret: key.secret });
        expect(apiKeyIdOf(key.token)).toBe(key.id);
      }),
    );
  });

  it.each([
    ['a different prefix', `fwx_aaaaaaaaaaaa_${'A'.repeat(43)}`],
    ['an upper-case id', `fwk_AAAAAAAAAAAA_${'A'.repeat(43)}`],
    ['a short secret', `fwk_aaaaaaaaaaaa_${'A'.repeat(42)}`],
    ['trailing whitespace', `fwk_aaaaaaaaaaaa_${'A'.repeat(43)} `],
    ['base64 padding', `fwk_aaaaaaaaaaaa_${'A'.repeat(43)}=`],
    ['a non-canonical last character', `fwk_aaaaaaaaaaaa_${'A'.repeat(42)}B`],
  ])('rejects a token with %s', (_, token) => {
    expect(parseApiKeyToken(token)).toBeUndefined();
  });
});
