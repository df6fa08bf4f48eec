import { Injectable } from '@nestjs/common';
import type { Metric } from '../domain/run';
import { doubleOf, millis } from '../database/json-rows';
import type { Connection } from '../database/statement';
import { TrackingDatabase } from '../database/tracking-database';

interface MetricRow {
  run_id: string;
  value: string;
  timestamp: string;
  step: string;
}

/** A sampled metric value and the run it belongs to. */
export interface RunMetric extends Metric {
  runId: string;
}

/** The only place the SQL reading metric histories lives. */
@Injectable()
export class MetricHistoryRepository {
  private readonly historyStatement;
  private readonly sampled;

  constructor(database: TrackingDatabase) {
    const t = database.tables;
    // The primary key (run_id, key, timestamp, step, value) serves this order directly.
    this.historyStatement = database.statement(
      `SELECT run_id, value::text AS value, timestamp, step FROM ${t.metrics}
       WHERE run_id = $1 AND key = $2 ORDER BY timestamp, step, value OFFSET $3 LIMIT $4`,
    );
    // Per run: split the values (ordered by step, timestamp, value) into $5 even buckets and
    // keep each bucket's first value, plus the run's last value, as MLflow's SQL store samples.
    this.sampled = database.statement(
      `WITH selected AS (
         SELECT run_id, value, timestamp, step FROM ${t.metrics}
         WHERE run_id = ANY($1::text[]) AND key = $2 AND ($3::int8 IS NULL OR step BETWEEN $3 AND $4)
       ), bucketed AS (
         SELECT s.*, ntile($5) OVER (PARTITION BY run_id ORDER BY step, timestamp, value) AS bucket FROM selected s
       ), firsts AS (
         SELECT DISTINCT ON (run_id, bucket) run_id, value, timestamp, step FROM bucketed
         ORDER BY run_id, bucket, step, timestamp, value
       ), lasts AS (
         SELECT DISTINCT ON (run_id) run_id, value, timestamp, step FROM selected
         ORDER BY run_id, step DESC, timestamp DESC, value DESC
       )
       SELECT run_id, value::text AS value, timestamp, step FROM (SELECT * FROM firsts UNION SELECT * FROM lasts) AS sample
       ORDER BY run_id, step, timestamp, value`,
    );
  }

  /** The values of `key` in history order, from `offset`; `limit` null reads to the end. */
  async history(
    connection: Connection,
    runId: string,
    key: string,
    offset: number,
    limit: number | null,
  ): Promise<Metric[]> {
    const result = await this.historyStatement.run<MetricRow>(connection, [runId, key, offset, limit]);
    return result.rows.map((row) => metricOf(key, row));
  }

  /**
   * Up to `maxResults` values per run evenly spread over the history of `key` (restricted to
   * steps `[startStep, endStep]` when given), always keeping the last one; ordered by run, step,
   * timestamp, value.
   */
  async sample(
    connection: Connection,
    runIds: readonly string[],
    key: string,
    maxResults: number,
    steps: { start: number; end: number } | undefined,
  ): Promise<RunMetric[]> {
    const result = await this.sampled.run<MetricRow>(connection, [
      runIds,
      key,
      steps?.start ?? null,
      steps?.end ?? null,
      maxResults,
    ]);
    return result.rows.map((row) => ({ runId: row.run_id, ...metricOf(key, row) }));
  }
}

function metricOf(key: string, row: MetricRow): Metric {
  return { key, value: doubleOf(row.value), timestamp: millis(row.timestamp), step: millis(row.step) };
}
