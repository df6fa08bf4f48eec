import type { ClickHouseClient } from '@clickhouse/client';
import { queryRows } from '@flywheel/clickhouse';
import { INITIAL_MONITOR_STATE, type MonitorState } from '../decisions/window-decision';

/** A model seen in inference_logs and where its monitoring stands. */
export interface ModelProgress {
  modelName: string;
  firstEventMs: number;
  /** End of the last processed window; undefined before the first. */
  lastEndMs: number | undefined;
}

interface ProgressRow {
  model_name: string;
  first_ms: string;
  last_end_ms: string | null;
}

/**
 * Every model with logged traffic, with its first event and last processed window end. Progress
 * is the newest window summary: written last for a window, it marks the window as done.
 */
export async function modelProgress(client: ClickHouseClient, database: string): Promise<ModelProgress[]> {
  const rows: ProgressRow[] = await queryRows(
    client,
    `SELECT l.model_name AS model_name, l.first_ms AS first_ms, s.last_end_ms AS last_end_ms
     FROM (SELECT toString(model_name) AS model_name, toUnixTimestamp64Milli(min(timestamp)) AS first_ms
           FROM {database:Identifier}.inference_logs GROUP BY model_name) AS l
     LEFT JOIN (SELECT toString(model_name) AS model_name, toNullable(toUnixTimestamp64Milli(max(window_end))) AS last_end_ms
                FROM {database:Identifier}.window_summaries GROUP BY model_name) AS s
       ON l.model_name = s.model_name
     ORDER BY model_name`,
    { database },
  );
  return rows.map((row) => ({
    modelName: row.model_name,
    firstEventMs: Number(row.first_ms),
    lastEndMs: row.last_end_ms === null ? undefined : Number(row.last_end_ms),
  }));
}

interface StateRow {
  streak: number;
  cooldown_remaining: number;
  rolled_back_canary_version: number;
}

/** The decision state after the model version's newest processed window (initial when none). */
export async function lastMonitorState(
  client: ClickHouseClient,
  database: string,
  modelName: string,
  modelVersion: number,
): Promise<MonitorState> {
  const rows: StateRow[] = await queryRows(
    client,
    `SELECT streak, cooldown_remaining, rolled_back_canary_version
     FROM {database:Identifier}.window_summaries FINAL
     WHERE model_name = {model:String} AND model_version = {version:UInt32}
     ORDER BY window_start DESC LIMIT 1`,
    { database, model: modelName, version: modelVersion },
  );
  const row = rows[0];
  if (row === undefined) return INITIAL_MONITOR_STATE;
  return {
    streak: row.streak,
    cooldownRemaining: row.cooldown_remaining,
    rolledBackCanaryVersion: row.rolled_back_canary_version,
  };
}
