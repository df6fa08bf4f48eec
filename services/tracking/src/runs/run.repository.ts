import { Injectable } from '@nestjs/common';
import type { LifecycleStage } from '../domain/lifecycle';
import type { RunInfo, RunStatus } from '../domain/run';
import { millis } from '../database/json-rows';
import type { Connection, Statement } from '../database/statement';
import { TrackingDatabase } from '../database/tracking-database';

export interface RunInfoRow {
  run_id: string;
  experiment_id: string;
  run_name: string;
  user_id: string;
  status: RunStatus;
  start_time: string;
  end_time: string | null;
  artifact_uri: string;
  lifecycle_stage: LifecycleStage;
}

/** The select list of a run row `r`, shared by every query that returns runs. */
export const RUN_INFO_COLUMNS = `r.run_id, r.experiment_id::text AS experiment_id, r.run_name, r.user_id, r.status,
  r.start_time, r.end_time, r.artifact_uri, r.lifecycle_stage`;

export function runInfoOf(row: RunInfoRow): RunInfo {
  return {
    runId: row.run_id,
    experimentId: row.experiment_id,
    runName: row.run_name,
    userId: row.user_id,
    status: row.status,
    startTime: millis(row.start_time),
    endTime: row.end_time === null ? null : millis(row.end_time),
    artifactUri: row.artifact_uri,
    lifecycleStage: row.lifecycle_stage,
  };
}

/** How a lookup locks the run row for the rest of the transaction. */
export type RunLock = 'none' | 'share' | 'update';

export interface RunInfoChange {
  status?: RunStatus;
  endTime?: number;
  runName?: string;
}

/** The only place the SQL of run rows (not their logged data) lives. */
@Injectable()
export class RunRepository {
  private readonly insertRun;
  private readonly lookups: Record<RunLock, Statement>;
  private readonly updateInfo;
  private readonly setStage;
  private readonly setExperimentStage;

  constructor(database: TrackingDatabase) {
    const t = database.tables;
    this.insertRun = database.statement(
      `INSERT INTO ${t.runs} AS r (run_id, experiment_id, run_name, user_id, status, start_time, artifact_uri, lifecycle_stage)
       VALUES ($1, $2, $3, $4, 'RUNNING', $5, $6, 'active')
       RETURNING ${RUN_INFO_COLUMNS}`,
    );
    const lookup = (lock: string) =>
      database.statement(`SELECT ${RUN_INFO_COLUMNS} FROM ${t.runs} r WHERE r.run_id = $1 ${lock}`);
    // A writer shares the lock so runs keep logging in parallel while a delete waits for them.
    this.lookups = { none: lookup(''), share: lookup('FOR SHARE'), update: lookup('FOR UPDATE') };
    this.updateInfo = database.statement(
      `UPDATE ${t.runs} AS r SET status = COALESCE($2, r.status), end_time = COALESCE($3, r.end_time),
         run_name = COALESCE($4, r.run_name)
       WHERE r.run_id = $1 RETURNING ${RUN_INFO_COLUMNS}`,
    );
    this.setStage = database.statement(
      `UPDATE ${t.runs} SET lifecycle_stage = $2, deleted_time = $3 WHERE run_id = $1`,
    );
    this.setExperimentStage = database.statement(
      `UPDATE ${t.runs} SET lifecycle_stage = $2, deleted_time = $3 WHERE experiment_id = $1`,
    );
  }

  async insert(
    connection: Connection,
    run: Pick<RunInfo, 'runId' | 'runName' | 'userId' | 'startTime' | 'artifactUri'>,
    experimentId: bigint,
  ): Promise<RunInfo> {
    const result = await this.insertRun.run<RunInfoRow>(connection, [
      run.runId,
      experimentId,
      run.runName,
      run.userId,
      run.startTime,
      run.artifactUri,
    ]);
    return runInfoOf(result.rows[0]!);
  }

  async findInfo(
    connection: Connection,
    runId: string,
    lock: RunLock = 'none',
  ): Promise<RunInfo | undefined> {
    const result = await this.lookups[lock].run<RunInfoRow>(connection, [runId]);
    return result.rows[0] && runInfoOf(result.rows[0]);
  }

  /** Applies the fields given; absent ones keep their value. */
  async update(connection: Connection, runId: string, change: RunInfoChange): Promise<RunInfo> {
    const result = await this.updateInfo.run<RunInfoRow>(connection, [
      runId,
      change.status ?? null,
      change.endTime ?? null,
      change.runName ?? null,
    ]);
    return runInfoOf(result.rows[0]!);
  }

  /** `deletedTime` is set when deleting and null when restoring. */
  async changeStage(
    connection: Connection,
    runId: string,
    stage: LifecycleStage,
    deletedTime: number | null,
  ): Promise<void> {
    await this.setStage.run(connection, [runId, stage, deletedTime]);
  }

  /** Deleting or restoring an experiment does the same to all its runs, as MLflow does. */
  async changeStageOfExperiment(
    connection: Connection,
    experimentId: bigint,
    stage: LifecycleStage,
    deletedTime: number | null,
  ): Promise<void> {
    await this.setExperimentStage.run(connection, [experimentId, stage, deletedTime]);
  }
}
