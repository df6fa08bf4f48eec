/** An applied migration file was edited afterwards: the database no longer matches the code. */
export class MigrationChecksumMismatchError extends Error {
  override readonly name = 'MigrationChecksumMismatchError';

  constructor(
    readonly migration: string,
    readonly schema: string,
    readonly appliedChecksum: string,
    readonly fileChecksum: string,
  ) {
    super(
      `migration ${migration} was already applied to schema ${schema} with checksum ${appliedChecksum}, ` +
        `but the file now has checksum ${fileChecksum}; never edit an applied migration, add a new one`,
    );
  }
}

/** A migration's SQL failed; its transaction was rolled back and it is not recorded. */
export class MigrationFailedError extends Error {
  override readonly name = 'MigrationFailedError';

  constructor(
    readonly migration: string,
    readonly schema: string,
    cause: unknown,
  ) {
    super(`migration ${migration} failed in schema ${schema}: ${(cause as Error).message ?? String(cause)}`, {
      cause,
    });
  }
}
