import { Kysely, PostgresDialect } from 'kysely';
import type { PoolClient } from 'pg';
import { createKysely, type PgPool } from '@flywheel/postgres';
import type { RegistryTables } from './registry-tables';

export type RegistryDb = Kysely<RegistryTables>;

/** One open transaction: typed queries and the raw client (for the audit log's SQL). */
export interface RegistryTx {
  readonly db: RegistryDb;
  readonly client: PoolClient;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The registry's PostgreSQL schema: a Kysely instance on the pool for reads, and transactions
 * whose Kysely runs on the transaction's own connection, so typed queries, the outbox row and
 * the audit entry commit or roll back together.
 */
export class RegistryDatabase {
  readonly db: RegistryDb;
  /** The schema, quoted, for the few statements written as text (search). */
  readonly qualifiedSchema: string;

  constructor(
    readonly pool: PgPool,
    readonly schema: string,
  ) {
    if (!SCHEMA_NAME.test(schema)) {
      throw new Error(`registry schema must be 1-63 characters of a-z, 0-9 and _, got ${JSON.stringify(schema)}`);
    }
    this.qualifiedSchema = `"${schema}"`;
    this.db = createKysely<RegistryTables>(pool).withSchema(schema);
  }

  /** Runs `work` in one transaction; rolls back and rethrows when it throws. */
  transaction<T>(work: (tx: RegistryTx) => Promise<T>): Promise<T> {
    return this.pool.withTransaction((client) => work({ db: this.onClient(client), client }));
  }

  private onClient(client: PoolClient): RegistryDb {
    // Kysely releases a connection after each query; this one belongs to the transaction.
    const borrowed = {
      query: client.query.bind(client),
      release: () => undefined,
    };
    const pool = { connect: () => Promise.resolve(borrowed), end: () => Promise.resolve() };
    return new Kysely<RegistryTables>({
      dialect: new PostgresDialect({ pool }),
    }).withSchema(this.schema);
  }
}
