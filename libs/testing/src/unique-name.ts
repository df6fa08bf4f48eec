import { randomBytes } from 'node:crypto';

/**
 * A name no other test run uses, for isolating topics, schemas, buckets and prefixes
 * on the shared servers of the test stack. Lowercase letters, digits and `_` only, so it
 * is valid as a Kafka topic, a PostgreSQL schema, a ClickHouse database and an S3 prefix.
 */
export function uniqueName(prefix: string): string {
  const safePrefix = prefix.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  return `${safePrefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}
