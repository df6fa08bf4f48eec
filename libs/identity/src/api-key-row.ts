import { type ApiKeyRecord, type Role, parseRole } from '@flywheel/access';

/** A stored key as shown to operators: everything but the digest and its salt. */
export interface ApiKeyView {
  id: string;
  name: string;
  role: Role;
  createdAt: Date;
  createdBy: string;
  expiresAt?: Date;
  revokedAt?: Date;
  revokedBy?: string;
  lastUsedAt?: Date;
}

export interface ApiKeyRow {
  id: string;
  name: string;
  role: string;
  hash: string;
  salt: string;
  created_at: Date;
  created_by: string;
  expires_at: Date | null;
  revoked_at: Date | null;
  revoked_by: string | null;
  last_used_at: Date | null;
}

export const API_KEY_COLUMNS =
  'id, name, role, hash, salt, created_at, created_by, expires_at, revoked_at, revoked_by, last_used_at';

export function apiKeyViewOf(row: ApiKeyRow): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    role: parseRole(row.role, 'api_keys.role'),
    createdAt: row.created_at,
    createdBy: row.created_by,
    ...(row.expires_at ? { expiresAt: row.expires_at } : {}),
    ...(row.revoked_at ? { revokedAt: row.revoked_at } : {}),
    ...(row.revoked_by ? { revokedBy: row.revoked_by } : {}),
    ...(row.last_used_at ? { lastUsedAt: row.last_used_at } : {}),
  };
}

export function apiKeyRecordOf(row: ApiKeyRow): ApiKeyRecord {
  return {
    id: row.id,
    hash: row.hash,
    salt: row.salt,
    role: parseRole(row.role, 'api_keys.role'),
    name: row.name,
    createdAt: row.created_at,
    ...(row.expires_at ? { expiresAt: row.expires_at } : {}),
    ...(row.revoked_at ? { revokedAt: row.revoked_at } : {}),
  };
}
