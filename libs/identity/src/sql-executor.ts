import type { QueryResult, QueryResultRow } from 'pg';

/**
 * Anything that runs a parameterized statement: the `PgPool` (each call on its own connection)
 * or a `PoolClient` inside a caller's transaction, so a write and its audit entry commit together.
 */
export interface SqlExecutor {
  query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Identifiers cannot be bound as parameters, so the schema is the one name written into SQL;
 * only plain lower-case identifiers are accepted, and they are quoted anyway.
 */
export function quotedSchema(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(
      `identity schema must be 1-63 characters of a-z, 0-9 and _ (not starting with a digit), got ${JSON.stringify(schema)}`,
    );
  }
  return `"${schema}"`;
}
