import { type ClickHouseClient, queryRows } from '@flywheel/clickhouse';
import type { DataWindow } from './data-window';

/** One labelled inference: its numeric features and the feedback value (the latest label). */
export interface LabelledRow {
  request_id: string;
  numeric_features: Record<string, number>;
  value: number;
}

/**
 * Reads labelled windows from ClickHouse (contract 1): `inference_logs` rows that succeeded,
 * champion or canary traffic (not shadow copies), one per request, joined with the latest
 * `feedback` value per request.
 */
export class WindowReader {
  constructor(
    private readonly client: ClickHouseClient,
    private readonly database: string,
  ) {}

  async rows(window: DataWindow): Promise<LabelledRow[]> {
    const rows: LabelledRow[] = await queryRows(
      this.client,
      `SELECT l.request_id AS request_id, l.numeric_features AS numeric_features, f.value AS value
       FROM {database:Identifier}.inference_logs AS l
       INNER JOIN (
         SELECT request_id, argMax(value, ingested_at) AS value
         FROM {database:Identifier}.feedback WHERE model_name = {model:String} GROUP BY request_id
       ) AS f ON l.request_id = f.request_id
       WHERE l.model_name = {model:String} AND l.status = 'ok' AND l.variant != 'shadow'
         AND l.timestamp >= fromUnixTimestamp64Milli({from:Int64}) AND l.timestamp < fromUnixTimestamp64Milli({to:Int64})
       ORDER BY l.request_id
       LIMIT 1 BY l.request_id`,
      { database: this.database, model: window.modelName, from: window.fromMs, to: window.toMs },
    );
    return rows;
  }
}
