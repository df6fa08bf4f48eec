/** An applied migration file was edited afterwards: the database no longer matches the code. */
export class ClickHouseMigrationChecksumMismatchError extends Error {
  override readonly name = 'ClickHouseMigrationChecksumMismatchError';

  constructor(
    readonly migration: string,
    readonly database: string,
    readonly appliedChecksum: string,
    readonly fileChecksum: string,
  ) {
    super(
      `ClickHouse migration ${migration} was already applied to database ${database} with checksum ` +
        `${appliedChecksum}, but the file now has checksum ${fileChecksum}; never edit an applied migration, add a new one`,
    );
  }
}

/**
 * A statement of a migration failed. ClickHouse DDL is not transactional: statements before
 * it stay applied and the file stays unrecorded, so it runs again from the top next time.
 */
export class ClickHouseMigrationFailedError extends Error {
  override readonly name = 'ClickHouseMigrationFailedError';

  constructor(
    readonly migration: string,
    readonly database: string,
    /** 1-based position of the failing statement in the file. */
    readonly statement: number,
    cause: unknown,
  ) {
    super(
      `ClickHouse migration ${migration} failed at statement ${statement} in database ${database}: ` +
        `${(cause as Error).message ?? String(cause)}`,
      { cause },
    );
  }
}
