import { type RunState, type RunStatus, type Value, requestCancel } from '@flywheel/pipelines';
import type { OrchestrationDatabase, SqlRunner } from '../db/orchestration-database';
import { type AttemptRecord, type RunRow, type StoredRun, storedRunOf } from './run-row';
import { type StateChange, stateChanges } from './state-changes';

const RUN_COLUMNS =
  'r.id, r.pipeline_name, r.pipeline_version, r.status, r.state, r.triggered_by, r.created_at, r.finished_at, d.pipeline';

/** The only place the runs and step_attempts SQL lives. */
export class RunsRepository {
  constructor(private readonly database: OrchestrationDatabase) {}

  private get from(): string {
    return `${this.database.runs} r JOIN ${this.database.definitions} d ON d.name = r.pipeline_name AND d.version = r.pipeline_version`;
  }

  /** A new running run, leased to `owner` so it starts right away. */
  async insert(
    tx: SqlRunner,
    run: {
      id: string;
      pipelineName: string;
      pipelineVersion: number;
      state: RunState;
      triggeredBy: string;
      owner: string;
      leaseMs: number;
    },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO ${this.database.runs} (id, pipeline_name, pipeline_version, status, state, triggered_by, lease_owner, lease_until)
       VALUES ($1, $2, $3, 'running', $4::jsonb, $5, $6, now() + $7 * interval '1 millisecond')`,
      [
        run.id,
        run.pipelineName,
        run.pipelineVersion,
        JSON.stringify(run.state),
        run.triggeredBy,
        run.owner,
        run.leaseMs,
      ],
    );
  }

  /** Ids of the running runs of a pipeline (any version), locked against concurrent triggers by the caller's advisory lock. */
  async activeRunIds(tx: SqlRunner, pipelineName: string): Promise<string[]> {
    const { rows } = await tx.query<{ id: string }>(
      `SELECT id FROM ${this.database.runs} WHERE pipeline_name = $1 AND status = 'running' ORDER BY created_at`,
      [pipelineName],
    );
    return rows.map((row) => row.id);
  }

  async find(id: string): Promise<StoredRun | undefined> {
    const { rows } = await this.database.pool.query<RunRow>(
      `SELECT ${RUN_COLUMNS} FROM ${this.from} WHERE r.id = $1`,
      [id],
    );
    return rows[0] && storedRunOf(rows[0]);
  }

  /** The running run, row-locked for this transaction, if `owner` holds its lease. */
  async lockOwned(tx: SqlRunner, id: string, owner: string): Promise<StoredRun | undefined> {
    const { rows } = await tx.query<RunRow>(
      `SELECT ${RUN_COLUMNS} FROM ${this.from} WHERE r.id = $1 AND r.status = 'running' AND r.lease_owner = $2 FOR UPDATE OF r`,
      [id, owner],
    );
    return rows[0] && storedRunOf(rows[0]);
  }

  /** Outputs stored under each of `keys` that has them (`cache: true` steps). */
  async cachedOutputs(tx: SqlRunner, keys: readonly string[]): Promise<Map<string, Record<string, Value>>> {
    const { rows } = await tx.query<{ cache_key: string; outputs: Record<string, Value> }>(
      `SELECT cache_key, outputs FROM ${this.database.stepCache} WHERE cache_key = ANY($1::text[])`,
      [keys],
    );
    return new Map(rows.map((row) => [row.cache_key, row.outputs]));
  }

  /** Stores a succeeded step's outputs under its cache key; the first result stored stays. */
  async storeCached(
    tx: SqlRunner,
    key: string,
    runId: string,
    step: string,
    outputs: Readonly<Record<string, Value>>,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO ${this.database.stepCache} (cache_key, run_id, step, outputs) VALUES ($1, $2, $3, $4::jsonb) ON CONFLICT (cache_key) DO NOTHING`,
      [key, runId, step, JSON.stringify(outputs)],
    );
  }

  /** Runs newest first, optionally of one pipeline. */
  async list(filter: { pipelineName?: string; limit: number }): Promise<StoredRun[]> {
    const { rows } = await this.database.pool.query<RunRow>(
      `SELECT ${RUN_COLUMNS} FROM ${this.from} WHERE ($1::text IS NULL OR r.pipeline_name = $1) ORDER BY r.created_at DESC LIMIT $2`,
      [filter.pipelineName ?? null, filter.limit],
    );
    return rows.map(storedRunOf);
  }

  /**
   * Updates a run's state from `run` (as locked) to `state`, setting finished_at when it stops
   * running, and appends every step and run status change to `run_events`.
   */
  async saveState(tx: SqlRunner, run: StoredRun, state: RunState, status: RunStatus): Promise<void> {
    await tx.query(
      `UPDATE ${this.database.runs} SET state = $2::jsonb, status = $3, finished_at = CASE WHEN $3 = 'running' THEN NULL ELSE now() END WHERE id = $1`,
      [run.id, JSON.stringify(state), status],
    );
    const steps = [...run.pipeline.steps, ...(run.pipeline.onExit ? [run.pipeline.onExit] : [])].map(
      (step) => step.name,
    );
    await this.appendEvents(tx, run.id, stateChanges(steps, run, { state, status }));
  }

  async appendEvents(tx: SqlRunner, runId: string, changes: readonly StateChange[]): Promise<void> {
    if (changes.length === 0) return;
    await tx.query(
      `INSERT INTO ${this.database.runEvents} (run_id, step, status, attempt, message)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::int[], $5::text[])`,
      [
        runId,
        changes.map((change) => change.step),
        changes.map((change) => change.status),
        changes.map((change) => change.attempt),
        changes.map((change) => change.message),
      ],
    );
  }

  /** Asks a run to cancel (concurrency `replace`); the instance driving it stops its steps. */
  async requestCancel(tx: SqlRunner, id: string): Promise<void> {
    const { rows } = await tx.query<{ state: RunState }>(
      `SELECT state FROM ${this.database.runs} WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (rows[0])
      await tx.query(`UPDATE ${this.database.runs} SET state = $2::jsonb WHERE id = $1`, [
        id,
        JSON.stringify(requestCancel(rows[0].state)),
      ]);
  }

  /** Renews `owner`'s leases and takes running runs whose lease lapsed; returns the ids it holds. */
  async claim(owner: string, leaseMs: number): Promise<string[]> {
    const { rows } = await this.database.pool.query<{ id: string }>(
      `UPDATE ${this.database.runs} SET lease_owner = $1, lease_until = now() + $2 * interval '1 millisecond'
       WHERE id IN (
         SELECT id FROM ${this.database.runs}
         WHERE status = 'running' AND (lease_owner = $1 OR lease_until IS NULL OR lease_until < now())
         FOR UPDATE SKIP LOCKED)
       RETURNING id`,
      [owner, leaseMs],
    );
    return rows.map((row) => row.id);
  }

  /** Lets other instances take `owner`'s runs at once (graceful shutdown). */
  async release(owner: string): Promise<void> {
    await this.database.pool.query(
      `UPDATE ${this.database.runs} SET lease_until = now() WHERE lease_owner = $1 AND status = 'running'`,
      [owner],
    );
  }

  async insertAttempt(
    tx: SqlRunner,
    runId: string,
    step: string,
    attempt: number,
    startedAt: number,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO ${this.database.attempts} (run_id, step, attempt, started_at) VALUES ($1, $2, $3, to_timestamp($4 / 1000.0))`,
      [runId, step, attempt, startedAt],
    );
  }

  async finishAttempt(
    runId: string,
    step: string,
    attempt: number,
    result: { exitCode: number | undefined; outputTail: string },
  ): Promise<void> {
    await this.database.pool.query(
      `UPDATE ${this.database.attempts} SET finished_at = now(), exit_code = $4, output_tail = $5 WHERE run_id = $1 AND step = $2 AND attempt = $3`,
      [runId, step, attempt, result.exitCode ?? null, result.outputTail],
    );
  }

  /** The last attempt of each step of a run that ran a process. */
  async lastAttempts(runId: string): Promise<AttemptRecord[]> {
    const { rows } = await this.database.pool.query<{
      step: string;
      attempt: number;
      exit_code: number | null;
      output_tail: string;
    }>(
      `SELECT DISTINCT ON (step) step, attempt, exit_code, output_tail FROM ${this.database.attempts} WHERE run_id = $1 ORDER BY step, attempt DESC`,
      [runId],
    );
    return rows.map((row) => ({
      step: row.step,
      attempt: row.attempt,
      exitCode: row.exit_code ?? undefined,
      outputTail: row.output_tail,
    }));
  }
}
