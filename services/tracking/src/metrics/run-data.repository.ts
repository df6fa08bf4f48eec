import { Injectable } from '@nestjs/common';
import type { KeyValue } from '../domain/key-value';
import type { LifecycleStage } from '../domain/lifecycle';
import type { Metric } from '../domain/run';
import type { Connection, Statement } from '../database/statement';
import { TrackingDatabase } from '../database/tracking-database';
import { runBatchSql } from './run-batch.sql';

/** A param whose logged value differs from the one being logged. */
export interface ParamConflict {
  key: string;
  oldValue: string;
  newValue: string;
}

/** What writing a batch found: the run's stage (undefined: no such run) and changed params. */
export interface BatchOutcome {
  stage: LifecycleStage | undefined;
  conflicts: ParamConflict[];
}

/** The only place the SQL writing metrics, params and tags lives. */
@Injectable()
export class RunDataRepository {
  private readonly batch: Record<'share' | 'update', Statement>;
  private readonly deleteTagStatement;
  private readonly tagValue;

  constructor(database: TrackingDatabase) {
    const t = database.tables;
    this.batch = {
      share: database.statement(runBatchSql(t, 'FOR SHARE')),
      update: database.statement(runBatchSql(t, 'FOR UPDATE')),
    };
    this.deleteTagStatement = database.statement(`DELETE FROM ${t.runTags} WHERE run_id = $1 AND key = $2`);
    this.tagValue = database.statement(`SELECT value FROM ${t.runTags} WHERE run_id = $1 AND key = $2`);
  }

  /**
   * Writes metrics, params and tags (and the new run name, if any) to an active run in one
   * statement; nothing is written unless the run is active. The caller must refuse (roll back)
   * when the outcome shows an inactive run or changed params.
   */
  async writeBatch(
    connection: Connection,
    runId: string,
    batch: { metrics: readonly Metric[]; params: readonly KeyValue[]; tags: readonly KeyValue[] },
    runName: string | undefined,
  ): Promise<BatchOutcome> {
    const tags = new Map(batch.tags.map((tag) => [tag.key, tag.value]));
    const result = await this.batch[runName === undefined ? 'share' : 'update'].run<{
      stage: LifecycleStage | null;
      conflicts: [string, string, string][] | null;
    }>(connection, [
      runId,
      batch.metrics.map((m) => m.key),
      batch.metrics.map((m) => m.value),
      batch.metrics.map((m) => m.timestamp),
      batch.metrics.map((m) => m.step),
      batch.params.map((p) => p.key),
      batch.params.map((p) => p.value),
      [...tags.keys()],
      [...tags.values()],
      runName ?? null,
    ]);
    const row = result.rows[0]!;
    return {
      stage: row.stage ?? undefined,
      conflicts: (row.conflicts ?? []).map(([key, oldValue, newValue]) => ({ key, oldValue, newValue })),
    };
  }

  /** Sets tags, replacing existing values; the last of repeated keys wins. */
  async setTags(connection: Connection, runId: string, tags: readonly KeyValue[]): Promise<void> {
    if (tags.length === 0) return;
    await this.writeBatch(connection, runId, { metrics: [], params: [], tags }, undefined);
  }

  async findTag(connection: Connection, runId: string, key: string): Promise<string | undefined> {
    return (await this.tagValue.run<{ value: string }>(connection, [runId, key])).rows[0]?.value;
  }

  /** Whether the tag existed. */
  async deleteTag(connection: Connection, runId: string, key: string): Promise<boolean> {
    return ((await this.deleteTagStatement.run(connection, [runId, key])).rowCount ?? 0) > 0;
  }
}
