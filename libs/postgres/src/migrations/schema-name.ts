const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Schema names are written into DDL (identifiers cannot be bound as parameters), so only
 * lowercase unquoted-identifier names are accepted: what `uniqueName()` and service names produce.
 */
export function assertSchemaName(schema: string): void {
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(
      `migration schema must be 1-63 characters of a-z, 0-9 and _ (not starting with a digit), got ${JSON.stringify(schema)}`,
    );
  }
}
