import type { OrchestrationDatabase, SqlRunner } from '../db/orchestration-database';

/** Keys of commands, registry events and schedule firings already acted on. */
export class ProcessedTriggersRepository {
  constructor(private readonly database: OrchestrationDatabase) {}

  /**
   * Records `key` as processed with `outcome`, in the caller's transaction. False when it was
   * processed before: the caller must then do nothing (its transaction changes nothing).
   */
  async claim(tx: SqlRunner, key: string, kind: string): Promise<boolean> {
    const { rows } = await tx.query<{ key: string }>(
      `INSERT INTO ${this.database.processedTriggers} (key, kind, outcome) VALUES ($1, $2, '')
       ON CONFLICT (key) DO NOTHING RETURNING key`,
      [key, kind],
    );
    return rows.length === 1;
  }

  async setOutcome(tx: SqlRunner, key: string, outcome: string, runId?: string): Promise<void> {
    await tx.query(`UPDATE ${this.database.processedTriggers} SET outcome = $2, run_id = $3 WHERE key = $1`, [
      key,
      outcome,
      runId ?? null,
    ]);
  }

  async find(key: string): Promise<{ kind: string; outcome: string; runId: string | undefined } | undefined> {
    const { rows } = await this.database.pool.query<{ kind: string; outcome: string; run_id: string | null }>(
      `SELECT kind, outcome, run_id FROM ${this.database.processedTriggers} WHERE key = $1`,
      [key],
    );
    return rows[0] && { kind: rows[0].kind, outcome: rows[0].outcome, runId: rows[0].run_id ?? undefined };
  }

  /** The latest firing time recorded for a schedule key prefix (`schedule:<pipeline>:<n>:`), epoch ms. */
  async lastFiring(prefix: string): Promise<number | undefined> {
    const { rows } = await this.database.pool.query<{ at: string | null }>(
      `SELECT max(substring(key from length($1) + 1)::bigint)::text AS at FROM ${this.database.processedTriggers} WHERE key LIKE $1 || '%'`,
      [prefix],
    );
    return rows[0]?.at ? Number(rows[0].at) : undefined;
  }
}
