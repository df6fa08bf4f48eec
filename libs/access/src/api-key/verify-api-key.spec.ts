import { timingSafeEqual } from 'node:crypto';

import fc from 'fast-check';

import { issueApiKey } from './api-key-record';
import { verifyApiKey } from './verify-api-key';

// Wrap the real function so the test can prove verification goes through it.
jest.mock('node:crypto', () => {
  const actual = jest.requireActual<typeof import('node:crypto')>('node:crypto');
  return { ...actual, timingSafeEqual: jest.fn(actual.timingSafeEqual) };
});

const now = new Date('2026-06-01T12:00:00Z');
const pepper = 'pepper';
const issued = issueApiKey({ name: 'ci', role: 'scientist', now, pepper, expiresInMs: 60_000 });

describe('verifyApiKey', () => {
  it('returns the key principal for a valid token', () => {
    expect(verifyApiKey(issued.token, issued.record, now, pepper)).toEqual({
      ok: true,
      principal: { id: issued.record.id, kind: 'api_key', role: 'scientist', name: 'ci' },
    });
  });

  it('stores only a digest of the secret, never the token', () => {
    expect(JSON.stringify(issued.record)).not.toContain(issued.token.slice(17));
    expect(issued.record.expiresAt).toEqual(new Date(now.getTime() + 60_000));
  });

  it.each([
    ['malformed', 'Bearer nope', issued.record, now],
    ['unknown', issued.token, undefined, now],
    ['unknown', issued.token, { ...issued.record, id: 'bbbbbbbbbbbb' }, now],
    [
      'mismatch',
      issued.token,
      { ...issued.record, hash: issued.record.hash.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) },
      now,
    ],
    ['revoked', issued.token, { ...issued.record, revokedAt: now }, now],
    ['expired', issued.token, issued.record, new Date(now.getTime() + 60_000)],
  ] as const)('reports %s', (reason, token, record, at) => {
    expect(verifyApiKey(token, record, at, pepper)).toMatchObject({ ok: false, reason });
  });

  it('reports mismatch when the server pepper differs', () => {
    expect(verifyApiKey(issued.token, issued.record, now, 'other-pepper')).toMatchObject({
      reason: 'mismatch',
    });
  });

  it('checks the secret before revealing that a key is revoked', () => {
    const other = issueApiKey({ name: 'x', role: 'admin', now, pepper });
    const forged = `fwk_${issued.record.id}_${other.token.slice(17)}`;
    expect(verifyApiKey(forged, { ...issued.record, revokedAt: now }, now, pepper)).toMatchObject({
      reason: 'mismatch',
    });
  });

  it('compares digests with crypto.timingSafeEqual', () => {
    jest.mocked(timingSafeEqual).mockClear();
    expect(verifyApiKey(issued.token, issued.record, now, pepper).ok).toBe(true);
    expect(timingSafeEqual).toHaveBeenCalledTimes(1);
  });

  it('never throws on arbitrary tokens and records', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string(), fc.string(), (token, hash, salt) => {
        const result = verifyApiKey(token, { ...issued.record, hash, salt }, now, pepper);
        expect(result.ok).toBe(false);
      }),
    );
  });

  it('never accepts a mutated valid token', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: issued.token.length - 1 }),
        fc.constantFrom(...'abcXYZ019-_ '),
        (index, char) => {
          const mutated = issued.token.slice(0, index) + char + issued.token.slice(index + 1);
          fc.pre(mutated !== issued.token);
          expect(verifyApiKey(mutated, issued.record, now, pepper).ok).toBe(false);
        },
      ),
    );
  });
});
