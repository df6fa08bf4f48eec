import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { PG_POOL } from '@flywheel/platform';
import type { PgPool } from '@flywheel/postgres';
import type { TrackingSettings } from '../config/tracking-settings';
import { type Connection, Statement } from './statement';
import { TRACKING_SETTINGS } from './tracking-settings.token';
import { type TrackingTables, trackingTables } from './tracking-tables';

/**
 * The tracking schema on the process's PostgreSQL pool: table names, statements, and the two
 * ways of borrowing a connection. Repositories hold the SQL; this only hands out connections.
 */
@Injectable()
export class TrackingDatabase {
  readonly tables: TrackingTables;
  private readonly namedStatements: boolean;

  constructor(
    @Inject(PG_POOL) readonly pool: PgPool,
    @Inject(TRACKING_SETTINGS) settings: TrackingSettings,
  ) {
    this.tables = trackingTables(settings.schema);
    this.namedStatements = settings.namedStatements;
  }

  /** A statement whose text never changes: named (prepared per connection) on PostgreSQL. */
  statement(text: string): Statement {
    return new Statement(text, this.namedStatements);
  }

  /** Runs `work` on one connection outside any transaction (each statement commits alone). */
  async withConnection<T>(work: (connection: Connection) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      return await work(client);
    } finally {
      client.release();
    }
  }

  /** Runs `work` inside BEGIN/COMMIT; anything it throws rolls everything back. */
  transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    return this.pool.withTransaction(work);
  }
}
