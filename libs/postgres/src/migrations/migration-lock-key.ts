import { createHash } from 'node:crypto';

/**
 * The `pg_advisory_lock` key that serializes migrations of one schema: the first 8 bytes of
 * a SHA-256 over the schema name, as a signed 64-bit decimal string (pg binds it as bigint).
 * Different schemas migrate in parallel; replicas of one service queue behind each other.
 */
export function migrationLockKey(schema: string): string {
  return createHash('sha256').update(`flywheel:migrations:${schema}`).digest().readBigInt64BE(0).toString();
}
