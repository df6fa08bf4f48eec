import type { Principal } from '../principal';
import { digestsEqual, hashApiKeySecret } from './api-key-hash';
import type { ApiKeyRecord } from './api-key-record';
import { parseApiKeyToken } from './api-key-token';

export type ApiKeyFailure = 'malformed' | 'unknown' | 'expired' | 'revoked' | 'mismatch';

export type ApiKeyVerification =
  { ok: true; principal: Principal } | { ok: false; reason: ApiKeyFailure; message: string };

/**
 * Checks a presented token against the record stored under its key id (undefined when none).
 * The secret is compared before revocation and expiry so that only a holder of the real
 * secret learns a key's state. Never throws, whatever the input.
 */
export function verifyApiKey(
  token: string,
  record: ApiKeyRecord | undefined,
  now: Date,
  pepper = '',
): ApiKeyVerification {
  const parsed = typeof token === 'string' ? parseApiKeyToken(token) : undefined;
  if (!parsed) return fail('malformed', 'API key is not in the fwk_<id>_<secret> format');
  if (!record || record.id !== parsed.id) return fail('unknown', `API key ${parsed.id} does not exist`);
  if (!digestsEqual(hashApiKeySecret(parsed.secret, record.salt, pepper), record.hash)) {
    return fail('mismatch', `API key ${parsed.id} secret does not match`);
  }
  if (record.revokedAt && record.revokedAt.getTime() <= now.getTime()) {
    return fail('revoked', `API key ${parsed.id} was revoked at ${record.revokedAt.toISOString()}`);
  }
  if (record.expiresAt && record.expiresAt.getTime() <= now.getTime()) {
    return fail('expired', `API key ${parsed.id} expired at ${record.expiresAt.toISOString()}`);
  }
  return { ok: true, principal: { id: record.id, kind: 'api_key', role: record.role, name: record.name } };
}

function fail(reason: ApiKeyFailure, message: string): ApiKeyVerification {
  return { ok: false, reason, message };
}
