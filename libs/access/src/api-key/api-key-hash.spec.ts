import { createHmac } from 'node:crypto';

import { digestsEqual, generateApiKeySalt, hashApiKeySecret } from './api-key-hash';

describe('hashApiKeySecret', () => {
  it('is HMAC-SHA256 keyed by the pepper over salt:secret, base64url', () => {
    const expected = createHmac('sha256', 'pepper').update('salt:secret').digest('base64url');
    expect(hashApiKeySecret('secret', 'salt', 'pepper')).toBe(expected);
  });

  it('depends on the salt and on the pepper', () => {
    const base = hashApiKeySecret('secret', 'salt-1', 'pepper-1');
    expect(hashApiKeySecret('secret', 'salt-2', 'pepper-1')).not.toBe(base);
    expect(hashApiKeySecret('secret', 'salt-1', 'pepper-2')).not.toBe(base);
  });

  it('makes 16-byte base64url salts', () => {
    expect(Buffer.from(generateApiKeySalt(), 'base64url')).toHaveLength(16);
  });

  it('compares digests of unequal length as unequal without throwing', () => {
    expect(digestsEqual('abc', 'abcd')).toBe(false);
    expect(digestsEqual('abc', 'abc')).toBe(true);
  });
});
