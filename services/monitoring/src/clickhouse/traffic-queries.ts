import type { ClickHouseClient } from '@clickhouse/client';
import { queryRows } from '@flywheel/clickhouse';

/** One (version, variant) of a model's traffic in a window. */
export interface VariantTraffic {
  version: number;
  variant: string;
  requests: number;
  errors: number;
  p99LatencyMs: number;
}

interface TrafficRow {
  version: number;
  variant: string;
  requests: string;
  errors: string;
  p99: number;
}

const MODEL_WINDOW = `{database:Identifier}.inference_logs
  WHERE model_name = {model:String} AND timestamp >= {from:DateTime64(3)} AND timestamp < {to:DateTime64(3)}` as const;

/** Requests, errors and exact p99 latency of every version and variant of a model in a window. */
export async function windowTraffic(
  client: ClickHouseClient,
  database: string,
  modelName: string,
  fromMs: number,
  toMs: number,
): Promise<VariantTraffic[]> {
  const rows: TrafficRow[] = await queryRows(
    client,
    `SELECT model_version AS version, toString(variant) AS variant, count() AS requests,
       countIf(status = 'error') AS errors, quantileExact(0.99)(latency_ms) AS p99
     FROM ${MODEL_WINDOW} GROUP BY version, variant ORDER BY version, variant`,
    { database, model: modelName, from: new Date(fromMs), to: new Date(toMs) },
  );
  return rows.map((row) => ({
    version: row.version,
    variant: row.variant,
    requests: Number(row.requests),
    errors: Number(row.errors),
    p99LatencyMs: row.p99,
  }));
}

interface PredictionBinRow {
  version: number;
  bin: number;
  n: string;
}

/**
 * Prediction-score counts of the champion and canary versions on bins fixed by the champion's
 * deciles in the same window (the @flywheel/drift `histogram` layout), for their distance.
 */
export async function predictionBinsByVersion(
  client: ClickHouseClient,
  database: string,
  modelName: string,
  fromMs: number,
  toMs: number,
  versions: { champion: number; canary: number },
): Promise<{ champion: number[]; canary: number[] }> {
  const rows: PredictionBinRow[] = await queryRows(
    client,
    `WITH (SELECT arraySort(arrayDistinct(quantilesExactInclusive(0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1)(prediction_score)))
           FROM ${MODEL_WINDOW} AND model_version = {champion:UInt32} AND variant = 'champion' AND isFinite(prediction_score)) AS e
     SELECT model_version AS version,
       toUInt32(if(prediction_score = e[-1], length(e) - 1, arrayCount(x -> x <= prediction_score, e))) AS bin, count() AS n
     FROM ${MODEL_WINDOW} AND isFinite(prediction_score)
       AND ((model_version = {champion:UInt32} AND variant = 'champion') OR (model_version = {canary:UInt32} AND variant = 'canary'))
     GROUP BY version, bin`,
    { database, model: modelName, from: new Date(fromMs), to: new Date(toMs), ...versions },
  );
  const size = Math.max(0, ...rows.map((row) => row.bin)) + 1;
  const champion = new Array<number>(size).fill(0);
  const canary = new Array<number>(size).fill(0);
  for (const row of rows) (row.version === versions.champion ? champion : canary)[row.bin] = Number(row.n);
  return { champion, canary };
}

/** Live performance of a version's window from the labels that have arrived so far. */
export interface LivePerformance {
  labeledRows: number;
  accuracy: number | null;
  precision: number | null;
  recall: number | null;
  auc: number | null;
  /** Mean time from inference to label, milliseconds. */
  labelDelayAvgMs: number | null;
}

interface PerformanceRow {
  labeled: string;
  correct: string;
  tp: string;
  predicted_pos: string;
  actual_pos: string;
  auc: number | null;
  delay: number | null;
}

/**
 * Accuracy (prediction_label = label), precision and recall of `positiveLabel`, and ROC AUC of
 * prediction_score against it, over the window's requests that have feedback, joined on
 * request_id (the latest label per request wins, as feedback's ReplacingMergeTree keeps it).
 * Only the window's labels are aggregated (feedback is keyed by request_id, so the `IN` reads
 * those keys), not every label the model ever had.
 */
export async function livePerformance(
  client: ClickHouseClient,
  database: string,
  slice: { modelName: string; modelVersion: number; fromMs: number; toMs: number },
  positiveLabel: string,
): Promise<LivePerformance> {
  const rows: PerformanceRow[] = await queryRows(
    client,
    `SELECT count() AS labeled, countIf(l.prediction_label = f.label) AS correct,
       countIf(l.prediction_label = {positive:String} AND f.label = {positive:String}) AS tp,
       countIf(l.prediction_label = {positive:String}) AS predicted_pos,
       countIf(f.label = {positive:String}) AS actual_pos,
       if(actual_pos > 0 AND actual_pos < labeled,
          arrayAUC(groupArray(l.prediction_score), groupArray(toUInt8(f.label = {positive:String}))), NULL) AS auc,
       if(labeled > 0, avg(toUnixTimestamp64Milli(f.ts) - toUnixTimestamp64Milli(l.timestamp)), NULL) AS delay
     FROM {database:Identifier}.inference_logs AS l
     INNER JOIN (SELECT request_id, argMax(label, ingested_at) AS label, argMax(timestamp, ingested_at) AS ts
                 FROM {database:Identifier}.feedback
                 WHERE model_name = {model:String}
                   AND request_id IN (SELECT request_id FROM {database:Identifier}.inference_logs
                                      WHERE model_name = {model:String} AND model_version = {version:UInt32}
                                        AND timestamp >= {from:DateTime64(3)} AND timestamp < {to:DateTime64(3)})
                 GROUP BY request_id) AS f
       ON l.request_id = f.request_id
     WHERE l.model_name = {model:String} AND l.model_version = {version:UInt32}
       AND l.timestamp >= {from:DateTime64(3)} AND l.timestamp < {to:DateTime64(3)}`,
    {
      database,
      model: slice.modelName,
      version: slice.modelVersion,
      from: new Date(slice.fromMs),
      to: new Date(slice.toMs),
      positive: positiveLabel,
    },
  );
  const row = rows[0];
  const labeled = Number(row?.labeled ?? 0);
  const ratio = (numerator: string | undefined, denominator: number) =>
    denominator > 0 ? Number(numerator ?? 0) / denominator : null;
  return {
    labeledRows: labeled,
    accuracy: ratio(row?.correct, labeled),
    precision: ratio(row?.tp, Number(row?.predicted_pos ?? 0)),
    recall: ratio(row?.tp, Number(row?.actual_pos ?? 0)),
    auc: row?.auc ?? null,
    labelDelayAvgMs: row?.delay ?? null,
  };
}
