import { Pool, type PoolClient, type QueryResult, type QueryResultRow } from 'pg';
import { describePgConnectionString } from './pg-connection-string';
import { PgConnectionError } from './pg-connection-error';

export interface PgPoolConfig {
  /** `postgres://user:password@host:port/database`. */
  connectionString: string;
  /** Most connections the pool opens at once (default 10). */
  maxConnections?: number;
  /** Server-side limit for any single statement in ms; 0 disables it (default 30 000). */
  statementTimeoutMs?: number;
  /** Shown in `pg_stat_activity` and server logs (default `flywheel`). */
  applicationName?: string;
  /** How long to wait for a new connection before failing, in ms (default 10 000). */
  connectionTimeoutMs?: number;
  /** Close connections idle this long, in ms (default 30 000). */
  idleTimeoutMs?: number;
  /**
   * Called when an idle pooled connection breaks (server restart, network cut). The pool
   * has already dropped it and opens a fresh one on demand; without a listener pg would
   * crash the process on this event, so the default is to ignore it.
   */
  onIdleConnectionError?: (error: Error) => void;
}

/** A `pg` pool whose connection failures name the server, with an idempotent `close()`. */
export class PgPool {
  private closing: Promise<void> | undefined;

  constructor(
    private readonly pool: Pool,
    /** Password-free `postgres://user@host:port/database`, for logs and errors. */
    readonly target: string,
  ) {}

  /** Checks out a connection; call `release()` on it when done. */
  async connect(): Promise<PoolClient> {
    if (this.closing) throw new Error(`PostgreSQL pool for ${this.target} is closed`);
    try {
      return await this.pool.connect();
    } catch (error) {
      throw new PgConnectionError(this.target, error);
    }
  }

  async query<R extends QueryResultRow = QueryResultRow>(
    text: string,
    values?: unknown[],
  ): Promise<QueryResult<R>> {
    const client = await this.connect();
    try {
      return await client.query<R>(text, values);
    } finally {
      client.release();
    }
  }

  /** Runs `work` inside BEGIN/COMMIT on one connection; rolls back and rethrows on failure. */
  async withTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      client.release();
      return result;
    } catch (error) {
      await rollbackAndRelease(client);
      throw error;
    }
  }

  /** Ends every connection. Safe to call more than once. */
  close(): Promise<void> {
    this.closing ??= this.pool.end();
    return this.closing;
  }
}

/** A connection whose rollback fails is broken: destroy it instead of returning it to the pool. */
async function rollbackAndRelease(client: PoolClient): Promise<void> {
  try {
    await client.query('ROLLBACK');
    client.release();
  } catch (rollbackError) {
    client.release(rollbackError instanceof Error ? rollbackError : true);
  }
}

export function createPgPool(config: PgPoolConfig): PgPool {
  const target = describePgConnectionString(config.connectionString, 'PgPoolConfig.connectionString');
  const statementTimeoutMs = nonNegativeInteger(config.statementTimeoutMs ?? 30_000, 'statementTimeoutMs');
  const pool = new Pool({
    connectionString: config.connectionString,
    max: positiveInteger(config.maxConnections ?? 10, 'maxConnections'),
    // pg sends these as startup parameters, so they hold from the first statement on.
    statement_timeout: statementTimeoutMs === 0 ? undefined : statementTimeoutMs,
    application_name: config.applicationName ?? 'flywheel',
    connectionTimeoutMillis: positiveInteger(config.connectionTimeoutMs ?? 10_000, 'connectionTimeoutMs'),
    idleTimeoutMillis: positiveInteger(config.idleTimeoutMs ?? 30_000, 'idleTimeoutMs'),
  });
  const onIdleError = config.onIdleConnectionError ?? (() => undefined);
  pool.on('error', onIdleError);
  return new PgPool(pool, target);
}

function positiveInteger(value: number, field: string): number {
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`PgPoolConfig.${field} must be a positive integer, got ${value}`);
  return value;
}

function nonNegativeInteger(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`PgPoolConfig.${field} must be an integer >= 0, got ${value}`);
  return value;
}
