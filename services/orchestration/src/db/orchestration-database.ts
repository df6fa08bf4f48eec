import type { PoolClient, QueryResultRow } from 'pg';
import type { PgPool } from '@flywheel/postgres';

/** Runs parameterized SQL: the pool, or one transaction's client. */
export interface SqlRunner {
  query<R extends QueryResultRow>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** The orchestration schema on a pool: table names qualified once, and transactions. */
export class OrchestrationDatabase {
  readonly definitions: string;
  readonly runs: string;
  readonly attempts: string;
  readonly rollouts: string;
  readonly processedTriggers: string;
  readonly stepCache: string;
  readonly runEvents: string;

  constructor(
    readonly pool: PgPool,
    readonly schema: string,
  ) {
    if (!SCHEMA_NAME.test(schema)) {
      throw new Error(
        `orchestration schema must be 1-63 characters of a-z, 0-9 and _, got ${JSON.stringify(schema)}`,
      );
    }
    this.definitions = `"${schema}".pipeline_definitions`;
    this.runs = `"${schema}".runs`;
    this.attempts = `"${schema}".step_attempts`;
    this.rollouts = `"${schema}".rollouts`;
    this.processedTriggers = `"${schema}".processed_triggers`;
    this.stepCache = `"${schema}".step_cache`;
    this.runEvents = `"${schema}".run_events`;
  }

  /** Runs `work` in one transaction; rolls back and rethrows when it throws. */
  transaction<T>(work: (tx: PoolClient) => Promise<T>): Promise<T> {
    return this.pool.withTransaction(work);
  }
}
